// Runder: the rounds of a year, their state and progress per center; for admin the steps
// population upload, draw the sample, assign, and move the round on.
import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { api, qs } from '../api';
import { useApp } from '../app';
import { Fejlboks, Indlaeser, Kvittering, Sidehoved, useData } from '../components/ui';
import { dato } from '../format';
import { saetQuery, useSted } from '../router';
import type { Fremdrift, Runde, RundeDetaljer } from '../types';

const tilstandOrd: Record<string, string> = {
  planned: 'planlagt',
  population_loaded: 'population indlæst',
  sample_drawn: 'stikprøve trukket',
  in_review: 'i gennemgang',
  closed: 'lukket',
  reported: 'rapporteret',
};

const milepaelOrd: Record<string, string> = {
  periode_start: 'Perioden begynder',
  periode_slut: 'Perioden slutter',
  vindue_aabner: 'Gennemgangsvinduet åbner',
  vindue_lukker: 'Gennemgangsvinduet lukker',
  frist: 'Frist for gennemgangen',
  rapport: 'Rapport',
};

function milepael(navn: string): string {
  return milepaelOrd[navn] ?? navn.charAt(0).toUpperCase() + navn.slice(1).replace(/_/g, ' ');
}

function sum(f: Fremdrift[], felt: keyof Omit<Fremdrift, 'center'>): number {
  return f.reduce((a, x) => a + x[felt], 0);
}

function Fremdriftslinje({ indsendt, udtrukket }: { indsendt: number; udtrukket: number }) {
  const pct = udtrukket > 0 ? Math.round((indsendt / udtrukket) * 100) : 0;
  return (
    <span class="fremdrift">
      <progress max={udtrukket || 1} value={indsendt} aria-label={`${indsendt} af ${udtrukket} indsendt`} />{' '}
      <span>
        {indsendt} af {udtrukket} ({pct} %)
      </span>
    </span>
  );
}

export function RunderSide() {
  const { session, meta } = useApp();
  const { query } = useSted();
  const aarListe = meta.aar.length > 0 ? meta.aar : [new Date().getFullYear()];
  const aar = Number(query.get('aar')) || aarListe[aarListe.length - 1];
  const [aaben, setAaben] = useState<string | null>(query.get('runde'));
  const { data, fejl, henter, hent } = useData(
    () => api<{ runder: Runde[] }>(`/api/v1/rounds${qs({ aar })}`),
    [aar],
  );
  const ydelse = (kode: string) => meta.ydelsestyper.find((y) => y.kode === kode)?.navn ?? kode;

  return (
    <>
      <Sidehoved titel="Runder">
        <p class="hjaelp">Gennemgangsrunderne i årshjulet: status og fremdrift pr. center.</p>
      </Sidehoved>
      <div class="filtre">
        <div class="felt">
          <label for="aar">År</label>
          <select
            id="aar"
            value={String(aar)}
            onChange={(e) => saetQuery({ aar: e.currentTarget.value, runde: undefined })}
          >
            {aarListe.map((a) => (
              <option key={a} value={String(a)}>
                {a}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Fejlboks fejl={fejl} />
      {henter && !data ? <Indlaeser /> : null}
      {data && data.runder.length === 0 ? <p>Ingen runder i {aar}.</p> : null}
      {data && data.runder.length > 0 ? (
        <div class="tabel-rul">
          <table class="tabel">
            <caption class="skjult">Runder i {aar}</caption>
            <thead>
              <tr>
                <th scope="col">Runde</th>
                <th scope="col">Periode</th>
                <th scope="col">Status</th>
                <th scope="col">Gennemgangsvindue</th>
                <th scope="col">Frist</th>
                <th scope="col">Indsendt</th>
                <th scope="col">
                  <span class="skjult">Detaljer</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {[...data.runder]
                .sort(
                  (a, b) =>
                    a.vindue_aabner.localeCompare(b.vindue_aabner) ||
                    ydelse(a.ydelsestype).localeCompare(ydelse(b.ydelsestype), 'da'),
                )
                .map((r) => (
                <Fragment key={r.id}>
                  <tr>
                    <th scope="row">{ydelse(r.ydelsestype)}</th>
                    <td class="ingen-ombrydning">{r.periode}</td>
                    <td>
                      <span class={`status rstatus-${r.tilstand}`}>
                        {r.tilstand_tekst || tilstandOrd[r.tilstand] || r.tilstand}
                      </span>
                    </td>
                    <td>
                      <span class="ingen-ombrydning">{dato(r.vindue_aabner)}</span> –{' '}
                      <span class="ingen-ombrydning">{dato(r.vindue_lukker)}</span>
                    </td>
                    <td class="ingen-ombrydning">{dato(r.frist)}</td>
                    <td>
                      {r.fremdrift.length > 0 ? (
                        <Fremdriftslinje
                          indsendt={sum(r.fremdrift, 'indsendt')}
                          udtrukket={sum(r.fremdrift, 'udtrukket')}
                        />
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      <button
                        type="button"
                        class="knap knap-lille"
                        aria-expanded={aaben === r.id}
                        aria-controls={`runde-${r.id}`}
                        onClick={() => setAaben(aaben === r.id ? null : r.id)}
                      >
                        {aaben === r.id ? 'Skjul' : 'Vis'}
                        <span class="skjult"> runde {r.id}</span>
                      </button>
                    </td>
                  </tr>
                  {aaben === r.id ? (
                    <tr key={`${r.id}-detaljer`} class="detaljeraekke">
                      <td colSpan={7} id={`runde-${r.id}`}>
                        <RundeDetaljerPanel id={r.id} admin={session.bruger.rolle === 'admin'} naarAendret={hent} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

function RundeDetaljerPanel({
  id,
  admin,
  naarAendret,
}: {
  id: string;
  admin: boolean;
  naarAendret: () => Promise<void>;
}) {
  const { meta } = useApp();
  const sti = `/api/v1/rounds/${encodeURIComponent(id)}`;
  const { data: r, fejl, hent } = useData(() => api<RundeDetaljer>(sti), [sti]);
  const [handlingFejl, setHandlingFejl] = useState<unknown>(null);
  const [kvittering, setKvittering] = useState('');
  const [arbejder, setArbejder] = useState(false);
  const [fil, setFil] = useState<File | null>(null);
  const [seed, setSeed] = useState('');
  const center = (kode: string) => meta.centre.find((c) => c.kode === kode)?.navn ?? kode;

  const udfoer = async (f: () => Promise<string>) => {
    setArbejder(true);
    setHandlingFejl(null);
    setKvittering('');
    try {
      setKvittering(await f());
      await hent();
      await naarAendret();
    } catch (e) {
      setHandlingFejl(e);
    } finally {
      setArbejder(false);
    }
  };

  const upload = () =>
    udfoer(async () => {
      if (!fil) throw new Error('Vælg først en CSV-fil med populationen.');
      const svar = await api<{ raekker: number; tegnsaet: string; centre: { center: string; antal: number }[] }>(
        `${sti}/population${qs({ filnavn: fil.name })}`,
        { method: 'POST', body: await fil.arrayBuffer(), contentType: 'text/csv' },
      );
      return `Populationen er indlæst: ${svar.raekker} sager (${svar.tegnsaet}) fordelt på ${svar.centre.length} centre.`;
    });
  const traek = () =>
    udfoer(async () => {
      const p = await api<{ seed: string; strata: { traek?: string[] }[] }>(`${sti}/sample`, {
        method: 'POST',
        json: seed.trim() ? { seed: seed.trim() } : {},
      });
      const n = p.strata.reduce((a, s) => a + (s.traek?.length ?? 0), 0);
      return `Stikprøven er trukket: ${n} sager (frø ${p.seed}).`;
    });
  const tildel = () =>
    udfoer(async () => {
      const t = await api<{ tildelt: unknown[] }>(`${sti}/assign`, { method: 'POST' });
      return `${t.tildelt.length} sager er tildelt koordinatorerne.`;
    });
  const frem = (til: string) =>
    udfoer(async () => {
      const n = await api<RundeDetaljer>(`${sti}/advance`, { method: 'POST', json: { til } });
      return `Runden er nu ${n.tilstand_tekst || tilstandOrd[n.tilstand] || n.tilstand}.`;
    });

  if (fejl) return <Fejlboks fejl={fejl} />;
  if (!r) return <Indlaeser />;
  return (
    <div class="runde-detaljer">
      <div class="to-spalter">
        <div>
          <h2>Fremdrift pr. center</h2>
          {r.fremdrift.length === 0 ? (
            <p>Ingen stikprøve endnu.</p>
          ) : (
            <table class="tabel tabel-kompakt">
              <thead>
                <tr>
                  <th scope="col">Center</th>
                  <th scope="col" class="tal">Udtrukket</th>
                  <th scope="col" class="tal">Tildelt</th>
                  <th scope="col" class="tal">Godkendt</th>
                  <th scope="col">Indsendt</th>
                </tr>
              </thead>
              <tbody>
                {r.fremdrift.map((f) => (
                  <tr key={f.center}>
                    <th scope="row">{center(f.center)}</th>
                    <td class="tal">{f.udtrukket}</td>
                    <td class="tal">{f.tildelt}</td>
                    <td class="tal">{f.godkendt}</td>
                    <td>
                      <Fremdriftslinje indsendt={f.indsendt} udtrukket={f.udtrukket} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          <h2>Milepæle</h2>
          {r.milepaele.length === 0 ? (
            <p>Ingen.</p>
          ) : (
            <ul class="milepaele">
              {r.milepaele.map((m) => (
                <li key={m.navn}>
                  {milepael(m.navn)}: {dato(m.dato)}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      {admin ? (
        <div class="runde-handlinger">
          <h2>Handlinger</h2>
          <div class="handlingsgruppe">
            <div class="felt">
              <label for={`fil-${id}`}>Population (CSV fra sagssystemet)</label>
              <input
                id={`fil-${id}`}
                type="file"
                accept=".csv,text/csv"
                onChange={(e) => setFil(e.currentTarget.files?.[0] ?? null)}
              />
            </div>
            <button type="button" class="knap" disabled={arbejder || !fil} onClick={() => void upload()}>
              Indlæs population
            </button>
          </div>
          <div class="handlingsgruppe">
            <div class="felt">
              <label for={`seed-${id}`}>Frø (valgfrit; et offentliggjort tal)</label>
              <input
                id={`seed-${id}`}
                inputMode="numeric"
                value={seed}
                onInput={(e) => setSeed(e.currentTarget.value)}
              />
            </div>
            <button type="button" class="knap" disabled={arbejder} onClick={() => void traek()}>
              Træk stikprøve
            </button>
          </div>
          <div class="handlingsgruppe">
            <button type="button" class="knap" disabled={arbejder} onClick={() => void tildel()}>
              Tildel sager til koordinatorer
            </button>
            {r.naeste_tilstande.map((t) => (
              <button key={t} type="button" class="knap" disabled={arbejder} onClick={() => void frem(t)}>
                Flyt til „{tilstandOrd[t] ?? t}“
              </button>
            ))}
          </div>
          <Fejlboks fejl={handlingFejl} />
          {kvittering ? <Kvittering>{kvittering}</Kvittering> : null}
        </div>
      ) : null}
    </div>
  );
}
