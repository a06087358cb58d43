// Opfølgning (issue 8, docs/followup.md): the improvement initiatives of red (or chosen yellow)
// cells by status — rød, gul, i gang, most overdue first — the handleplan laid out as the
// administration's status notes (seed 001), and the open berigtigelser with totals per center.
// Admin and a leder (own centers) fill in initiatives, change their status with a reason and
// mark berigtigelser; the revisor reads. Colour always comes with its word.
import { useEffect, useState } from 'preact/hooks';
import { ApiFejl, api, qs } from '../api';
import { useApp } from '../app';
import { Fejlboks, Indlaeser, Kvittering, Sidehoved, useData } from '../components/ui';
import { dato, flertal, procent, tidspunkt } from '../format';
import { saetQuery, useSted } from '../router';
import type {
  Berigtigelse,
  BerigtigelseStatus,
  Initiativ,
  InitiativStatus,
  Markering,
  Opfoelgning,
} from '../types';
import { Downloads } from './Centerrapport';

export const statusOrd: Record<InitiativStatus, string> = {
  red: 'rød',
  yellow: 'gul',
  in_progress: 'i gang',
  green: 'grøn',
};

const statusKlasse: Record<InitiativStatus, string> = {
  red: 'lys-roed',
  yellow: 'lys-gul',
  in_progress: 'lys-ingen',
  green: 'lys-groen',
};

const markeringOrd: Record<Markering, string> = {
  open: 'åben',
  done: 'opfyldt',
  delayed: 'forsinket',
  at_risk: 'i risiko',
};

const markeringHjaelp: Record<Markering, string> = {
  done: 'opfyldt (grøn)',
  delayed: 'forsinket (mindst gul)',
  at_risk: 'i risiko for ikke at blive opfyldt (rød)',
  open: 'åben igen (fristen afgør farven)',
};

const berigtigelseOrd: Record<BerigtigelseStatus, string> = {
  open: 'åben',
  corrected: 'berigtiget',
  not_relevant: 'ikke relevant',
};

const lysOrdLille: Record<string, string> = { green: 'grøn', yellow: 'gul', red: 'rød' };

/** Kroner as the API gives them ("1234.5") in Danish: "1.234,50". */
export function kroner(beloeb: string | null | undefined): string {
  if (beloeb === null || beloeb === undefined || beloeb === '') return '—';
  const negativ = beloeb.startsWith('-');
  const [hel, dec = ''] = (negativ ? beloeb.slice(1) : beloeb).split('.');
  const tusinder = hel.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negativ ? '-' : ''}${tusinder},${(dec + '00').slice(0, 2)}`;
}

/**
 * A form's error: with one problem the server's message already names the field ("frist: …"),
 * so the list below it (which would repeat it) is left out.
 */
function formFejl(e: unknown): unknown {
  if (e instanceof ApiFejl && e.detaljer.length === 1) return new ApiFejl(e.status, e.kode, e.message, []);
  return e;
}

function Status({ status }: { status: InitiativStatus }) {
  return (
    <span class={`lys ${statusKlasse[status]}`}>
      <span class="lys-prik" aria-hidden="true" />
      {statusOrd[status]}
    </span>
  );
}

type Valgt =
  | { type: 'initiativ'; nr: number }
  | { type: 'berigtigelse'; nr: number }
  | null;

export function OpfoelgningSide() {
  const { session, meta } = useApp();
  const sted = useSted();
  const rolle = session.bruger.rolle;
  const center = sted.query.get('center') ?? '';
  const kanAendre = rolle === 'admin' || rolle === 'leder';
  const centre =
    rolle === 'leder' ? meta.centre.filter((c) => session.bruger.centre.includes(c.kode)) : meta.centre;
  const centerNavn = (k: string) => meta.centre.find((c) => c.kode === k)?.navn ?? k;
  const ydelseNavn = (k: string) => meta.ydelsestyper.find((y) => y.kode === k)?.navn ?? k;

  const { data, fejl, henter, hent } = useData(
    () => api<Opfoelgning>(`/api/v1/followup${qs({ center })}`),
    [center],
  );
  const [valgt, setValgt] = useState<Valgt>(null);
  const [kvittering, setKvittering] = useState('');

  useEffect(() => {
    if (!valgt) return;
    window.setTimeout(() => document.getElementById('valgt-titel')?.focus(), 0);
  }, [valgt]);

  const vaelg = (v: Valgt) => {
    setKvittering('');
    setValgt(v);
  };
  // The receipt appears once the lists show the change.
  const naarGemt = async (tekst: string) => {
    setValgt(null);
    await hent();
    setKvittering(tekst);
  };

  const celle = (i: Initiativ) => `${centerNavn(i.center)} · ${ydelseNavn(i.ydelsestype)} ${i.periode}`;
  const aabne = data?.initiativer.filter((i) => i.markering !== 'done') ?? [];
  const grupper: [InitiativStatus, string][] = [
    ['red', 'Røde: stor forsinkelse eller i risiko'],
    ['yellow', 'Gule: nogen forsinkelse'],
    ['in_progress', 'I gang: fristen er ikke overskredet'],
  ];
  const valgtInitiativ =
    valgt?.type === 'initiativ' ? data?.initiativer.find((i) => i.nr === valgt.nr) : undefined;
  const valgtBerigtigelse =
    valgt?.type === 'berigtigelse' ? data?.aabne_berigtigelser.find((b) => b.nr === valgt.nr) : undefined;

  return (
    <>
      <Sidehoved titel="Opfølgning">
        <p class="hjaelp">
          Kvalitetsforbedrende initiativer for røde celler og berigtigelser af fejl med betydning for
          refusionen.
          {data
            ? ` Status er opgjort ${dato(data.opgjort)}: et åbent initiativ er gult 1–${data.gul_graense_dage} dage efter fristen og rødt derefter.`
            : ''}
          {kanAendre ? '' : ' Du kan læse, men ikke ændre.'}
        </p>
      </Sidehoved>
      <div class="filtre">
        <div class="felt">
          <label for="opf-center">Center</label>
          <select id="opf-center" value={center} onChange={(e) => saetQuery({ center: e.currentTarget.value })}>
            <option value="">{rolle === 'leder' ? 'Alle mine centre' : 'Alle centre'}</option>
            {centre.map((c) => (
              <option key={c.kode} value={c.kode}>
                {c.navn}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Downloads sti="/api/v1/followup" params={center ? { center } : {}} navn="opfølgningsrapporten" />
      <Fejlboks fejl={fejl} />
      {kvittering ? <Kvittering>{kvittering}</Kvittering> : null}
      {henter && !data ? <Indlaeser /> : null}

      {data && valgtInitiativ ? (
        <InitiativFormular
          i={valgtInitiativ}
          celle={celle(valgtInitiativ)}
          onLuk={() => setValgt(null)}
          onGemt={naarGemt}
        />
      ) : null}
      {data && valgtBerigtigelse ? (
        <BerigtigelseFormular
          b={valgtBerigtigelse}
          centerNavn={centerNavn(valgtBerigtigelse.center)}
          onLuk={() => setValgt(null)}
          onGemt={naarGemt}
        />
      ) : null}

      {data ? (
        <>
          <section class="kort" aria-labelledby="opf-aabne">
            <h2 id="opf-aabne">Åbne initiativer</h2>
            {aabne.length === 0 ? <p>Ingen åbne initiativer.</p> : null}
            {grupper.map(([status, overskrift]) => {
              const liste = aabne.filter((i) => i.status === status);
              if (liste.length === 0) return null;
              return (
                <div key={status} class={`opf-gruppe opf-gruppe-${status}`}>
                  <h3 id={`opf-gruppe-${status}`}>
                    <Status status={status} /> {overskrift} ({liste.length})
                  </h3>
                  <ul class="opf-liste" aria-labelledby={`opf-gruppe-${status}`}>
                    {liste.map((i) => (
                      <li key={i.nr} class={`opf-initiativ opf-kant-${status}`}>
                        <div class="opf-hoved">
                          <strong>Nr. {i.nr}</strong> {celle(i)}{' '}
                          <span class="hjaelp-inline">
                            (oprettet fra {lysOrdLille[i.lys] ?? i.lys} lys, {procent(i.procent)})
                          </span>
                        </div>
                        <dl class="opf-fakta">
                          <div>
                            <dt>Hvad</dt>
                            <dd>{i.hvad || <em>ikke udfyldt</em>}</dd>
                          </div>
                          <div>
                            <dt>Ansvarlig</dt>
                            <dd>{i.ansvarlig || <em>ikke angivet</em>}</dd>
                          </div>
                          <div>
                            <dt>Frist</dt>
                            <dd>
                              {i.frist ? dato(i.frist) : <em>ikke fastsat</em>}
                              {i.dage_over_frist > 0 ? (
                                <span class="overskredet">
                                  {' '}
                                  · {flertal(i.dage_over_frist, 'dag', 'dage')} over fristen
                                </span>
                              ) : null}
                            </dd>
                          </div>
                          <div class="opf-status">
                            <dt>Status</dt>
                            <dd>
                              <Status status={i.status} /> {i.status_tekst}{' '}
                              <span class="hjaelp-inline">(markeret {markeringOrd[i.markering]})</span>
                            </dd>
                          </div>
                        </dl>
                        {kanAendre ? (
                          <button type="button" class="knap knap-lille" onClick={() => vaelg({ type: 'initiativ', nr: i.nr })}>
                            Redigér eller skift status<span class="skjult"> for initiativ {i.nr}</span>
                          </button>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>

          <Handleplan
            initiativer={data.initiativer}
            opgjort={data.opgjort}
            celle={celle}
            kanAendre={kanAendre}
            onVaelg={(nr) => vaelg({ type: 'initiativ', nr })}
          />

          <section class="kort" aria-labelledby="opf-berigtigelser">
            <h2 id="opf-berigtigelser">Åbne berigtigelser</h2>
            <p class="hjaelp">
              Fejl på nøglekontroller med betydning for refusionen. Statsrefusionen skal berigtiges, eller
              berigtigelsen markeres som ikke relevant med en begrundelse.{' '}
              {flertal(data.afsluttede_berigtigelser, 'berigtigelse er', 'berigtigelser er')} afsluttet.
            </p>
            {data.aabne_berigtigelser.length === 0 ? (
              <p>Ingen åbne berigtigelser.</p>
            ) : (
              <div class="tabel-rul">
                <table class="tabel tabel-kompakt opf-berigtigelser">
                  <caption class="skjult">Åbne berigtigelser</caption>
                  <thead>
                    <tr>
                      <th scope="col">Nr.</th>
                      <th scope="col">Center</th>
                      <th scope="col">Runde</th>
                      <th scope="col">Sag</th>
                      <th scope="col">Kontrol</th>
                      <th scope="col" class="tal">
                        Beløb (kr.)
                      </th>
                      <th scope="col">Periode</th>
                      <th scope="col">Status</th>
                      {kanAendre ? <th scope="col">Handling</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {data.aabne_berigtigelser.map((b) => (
                      <tr key={b.nr}>
                        <th scope="row">{b.nr}</th>
                        <td>{centerNavn(b.center)}</td>
                        <td>{b.runde}</td>
                        <td>{b.sag}</td>
                        <td>{b.kontrol}</td>
                        <td class="tal">{kroner(b.beloeb)}</td>
                        <td class="ingen-ombrydning">
                          {b.periode_fra ? `${dato(b.periode_fra)} – ${dato(b.periode_til)}` : '—'}
                        </td>
                        <td>{berigtigelseOrd[b.status]}</td>
                        {kanAendre ? (
                          <td>
                            <button
                              type="button"
                              class="knap knap-lille"
                              onClick={() => vaelg({ type: 'berigtigelse', nr: b.nr })}
                            >
                              Markér<span class="skjult"> berigtigelse {b.nr}</span>
                            </button>
                          </td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div class="tabel-rul">
              <table class="tabel tabel-kompakt opf-totaler">
                <caption>Åbne berigtigelser i alt pr. center</caption>
                <thead>
                  <tr>
                    <th scope="col">Center</th>
                    <th scope="col" class="tal">
                      Antal
                    </th>
                    <th scope="col" class="tal">
                      Beløb (kr.)
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.i_alt.map((t) => (
                    <tr key={t.center} class={t.center === 'i alt' ? 'raekke-samlet' : ''}>
                      <th scope="row">{t.center === 'i alt' ? 'I alt' : centerNavn(t.center)}</th>
                      <td class="tal">{t.antal}</td>
                      <td class="tal">{kroner(t.beloeb)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      ) : null}
    </>
  );
}

/** The handleplan as the administration's status notes lay it out (seed 001). */
function Handleplan({
  initiativer,
  opgjort,
  celle,
  kanAendre,
  onVaelg,
}: {
  initiativer: Initiativ[];
  opgjort: string;
  celle: (i: Initiativ) => string;
  kanAendre: boolean;
  onVaelg: (nr: number) => void;
}) {
  return (
    <section class="kort" aria-labelledby="opf-handleplan">
      <h2 id="opf-handleplan">Handleplan</h2>
      {initiativer.length === 0 ? (
        <p>Ingen initiativer.</p>
      ) : (
        <div class="tabel-rul">
          <table class="tabel handleplan">
            <caption class="skjult">Status på handleplanen</caption>
            <thead>
              <tr>
                <th scope="col">Nr.</th>
                <th scope="col">Handlinger</th>
                <th scope="col">Forventet afslutningstidspunkt</th>
                <th scope="col">Status {dato(opgjort)}</th>
                <th scope="col">Status i farver</th>
              </tr>
            </thead>
            <tbody>
              {initiativer.map((i) => (
                <tr key={i.nr}>
                  <th scope="row">{i.nr}.</th>
                  <td>
                    <strong>{celle(i)}:</strong> {i.hvad || <em>(ikke udfyldt)</em>}
                    {i.ansvarlig ? <div class="hjaelp-inline">Ansvarlig: {i.ansvarlig}</div> : null}
                    {i.kontroller.length > 0 ? (
                      <div class="hjaelp-inline">
                        Kontroller:{' '}
                        {i.kontroller
                          .map(
                            (k) =>
                              `${k.kontrol} ${procent(k.foer)} → ${
                                i.naeste_runde ? procent(k.efter) : 'ingen ny runde endnu'
                              }${k.forbedret === null ? '' : k.forbedret ? ' (forbedret)' : ' (ikke forbedret)'}`,
                          )
                          .join('; ')}
                      </div>
                    ) : null}
                    {kanAendre ? (
                      <button type="button" class="knap-link" onClick={() => onVaelg(i.nr)}>
                        Redigér<span class="skjult"> initiativ {i.nr}</span>
                      </button>
                    ) : null}
                  </td>
                  <td>{i.frist ? dato(i.frist) : 'ikke fastsat'}</td>
                  <td>{i.status_tekst}</td>
                  <td class={`handleplan-farve ${statusKlasse[i.status]}`}>{statusOrd[i.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p class="hjaelp">
        Grøn: Initiativet er opfyldt. Gul: Initiativet forløber med nogen forsinkelse. Rød: Initiativet forløber
        med stor forsinkelse, risiko for manglende opfyldelse. I gang (ingen farve): fristen er ikke overskredet.
      </p>
    </section>
  );
}

function InitiativFormular({
  i,
  celle,
  onLuk,
  onGemt,
}: {
  i: Initiativ;
  celle: string;
  onLuk: () => void;
  onGemt: (tekst: string) => Promise<void>;
}) {
  const [hvad, setHvad] = useState(i.hvad);
  const [ansvarlig, setAnsvarlig] = useState(i.ansvarlig);
  // typed as dd-mm-åååå (the server also takes ISO); sent only when changed
  const [frist, setFrist] = useState(i.frist ? dato(i.frist) : '');
  const [kontroller, setKontroller] = useState(i.kontroller.map((k) => k.kontrol).join(', '));
  const [felterFejl, setFelterFejl] = useState<unknown>(null);
  const [fejlFelter, setFejlFelter] = useState<string[]>([]); // marked aria-invalid
  const ugyldig = (felt: string) => (fejlFelter.includes(felt) ? true : undefined);
  const [til, setTil] = useState<Markering>(i.markering === 'done' ? 'open' : 'done');
  const [begrundelse, setBegrundelse] = useState('');
  const [statusFejl, setStatusFejl] = useState<unknown>(null);
  const { data: historik } = useData(
    () => api<Initiativ>(`/api/v1/followup/initiatives/${i.nr}`),
    [i.nr, i.markering],
  );

  const gemFelter = async (e: Event) => {
    e.preventDefault();
    setFelterFejl(null);
    setFejlFelter([]);
    const json: Record<string, unknown> = {};
    if (hvad !== i.hvad) json.hvad = hvad.trim();
    if (ansvarlig !== i.ansvarlig) json.ansvarlig = ansvarlig.trim();
    if (frist.trim() && frist.trim() !== (i.frist ? dato(i.frist) : '')) json.frist = frist.trim();
    const liste = kontroller
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
    if (liste.join(',') !== i.kontroller.map((k) => k.kontrol).join(',')) json.kontroller = liste;
    try {
      await api(`/api/v1/followup/initiatives/${i.nr}`, { method: 'PATCH', json });
      await onGemt(`Initiativ ${i.nr} er gemt.`);
    } catch (err) {
      setFelterFejl(formFejl(err));
      setFejlFelter(err instanceof ApiFejl ? err.detaljer.map((d) => d.felt ?? '') : []);
    }
  };

  const skiftStatus = async (e: Event) => {
    e.preventDefault();
    setStatusFejl(null);
    try {
      const svar = await api<Initiativ>(`/api/v1/followup/initiatives/${i.nr}/status`, {
        method: 'POST',
        json: { til, fra: i.markering, begrundelse },
      });
      await onGemt(
        `Initiativ ${i.nr} er markeret ${markeringOrd[svar.markering]}; status nu: ${statusOrd[svar.status]}.`,
      );
    } catch (err) {
      setStatusFejl(formFejl(err));
    }
  };

  const muligeMarkeringer = (['done', 'delayed', 'at_risk', 'open'] as Markering[]).filter((m) => m !== i.markering);
  return (
    <section class="kort opf-valgt" aria-labelledby="valgt-titel">
      <h2 id="valgt-titel" tabIndex={-1}>
        Initiativ {i.nr}: {celle}
      </h2>
      <p class="hjaelp">
        Status nu: <Status status={i.status} /> {i.status_tekst} (markeret {markeringOrd[i.markering]}).
      </p>
      <form onSubmit={gemFelter} class="formular" aria-labelledby="opf-felter">
        <h3 id="opf-felter" class="fuld-bredde">
          Udfyld initiativet
        </h3>
        <div class="felt fuld-bredde">
          <label for="opf-hvad">Hvad gøres</label>
          <textarea id="opf-hvad" rows={3} aria-invalid={ugyldig('hvad')} value={hvad} onInput={(e) => setHvad(e.currentTarget.value)} />
        </div>
        <div class="felt">
          <label for="opf-ansvarlig">Ansvarlig</label>
          <input id="opf-ansvarlig" value={ansvarlig} onInput={(e) => setAnsvarlig(e.currentTarget.value)} />
        </div>
        <div class="felt">
          <label for="opf-frist">Forventet afslutning (frist, dd-mm-åååå)</label>
          <input
            id="opf-frist"
            aria-invalid={ugyldig('frist')}
            inputMode="numeric"
            autocomplete="off"
            placeholder="31-12-2027"
            value={frist}
            onInput={(e) => setFrist(e.currentTarget.value)}
          />
        </div>
        <div class="felt">
          <label for="opf-kontroller">Kontroller, det retter sig mod</label>
          <input
            id="opf-kontroller"
            aria-invalid={ugyldig('kontroller')}
            value={kontroller}
            aria-describedby="opf-kontroller-hjaelp"
            onInput={(e) => setKontroller(e.currentTarget.value)}
          />
          <span id="opf-kontroller-hjaelp" class="hjaelp-inline">
            Kontrol-id'er adskilt af komma, fx SD-K01, SD-N03
          </span>
        </div>
        <Fejlboks fejl={felterFejl} />
        <button type="submit" class="knap knap-primaer">
          Gem initiativet
        </button>
      </form>

      <form onSubmit={skiftStatus} class="formular opf-statusform" aria-labelledby="opf-status-titel">
        <h3 id="opf-status-titel" class="fuld-bredde">
          Skift status
        </h3>
        <fieldset class="felt">
          <legend>Ny markering</legend>
          {muligeMarkeringer.map((m) => (
            <label key={m} class="afkryds">
              <input type="radio" name="opf-til" value={m} checked={til === m} onChange={() => setTil(m)} />{' '}
              {markeringHjaelp[m]}
            </label>
          ))}
        </fieldset>
        <div class="felt">
          <label for="opf-begrundelse">Begrundelse (skal udfyldes)</label>
          <textarea
            id="opf-begrundelse"
            rows={3}
            required
            value={begrundelse}
            onInput={(e) => setBegrundelse(e.currentTarget.value)}
          />
        </div>
        <Fejlboks fejl={statusFejl} />
        <div class="knapper">
          <button type="submit" class="knap knap-primaer">
            Skift status
          </button>
          <button type="button" class="knap" onClick={onLuk}>
            Luk
          </button>
        </div>
      </form>

      {historik?.aendringer && historik.aendringer.length > 0 ? (
        <>
          <h3>Historik</h3>
          <ul class="opf-historik">
            {historik.aendringer.map((a, n) => (
              <li key={n}>
                {tidspunkt(a.tid)} {a.af}: {markeringOrd[a.fra]} → {markeringOrd[a.til]} ({a.begrundelse})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function BerigtigelseFormular({
  b,
  centerNavn,
  onLuk,
  onGemt,
}: {
  b: Berigtigelse;
  centerNavn: string;
  onLuk: () => void;
  onGemt: (tekst: string) => Promise<void>;
}) {
  const [til, setTil] = useState<BerigtigelseStatus>('corrected');
  const [begrundelse, setBegrundelse] = useState('');
  const [fejl, setFejl] = useState<unknown>(null);
  const send = async (e: Event) => {
    e.preventDefault();
    setFejl(null);
    try {
      await api(`/api/v1/followup/corrections/${b.nr}/status`, {
        method: 'POST',
        json: { til, fra: b.status, begrundelse },
      });
      await onGemt(`Berigtigelse ${b.nr} (sag ${b.sag}, ${b.kontrol}) er markeret ${berigtigelseOrd[til]}.`);
    } catch (err) {
      setFejl(formFejl(err));
    }
  };
  return (
    <section class="kort opf-valgt" aria-labelledby="valgt-titel">
      <h2 id="valgt-titel" tabIndex={-1}>
        Berigtigelse {b.nr}: sag {b.sag}, {b.kontrol}
      </h2>
      <p class="hjaelp">
        {centerNavn} · runde {b.runde} · beløb {kroner(b.beloeb)} kr.
      </p>
      <form onSubmit={send} class="formular">
        <fieldset class="felt">
          <legend>Markér som</legend>
          <label class="afkryds">
            <input type="radio" name="ber-til" checked={til === 'corrected'} onChange={() => setTil('corrected')} />{' '}
            berigtiget (refusionen er rettet)
          </label>
          <label class="afkryds">
            <input
              type="radio"
              name="ber-til"
              checked={til === 'not_relevant'}
              onChange={() => setTil('not_relevant')}
            />{' '}
            ikke relevant (kræver begrundelse)
          </label>
        </fieldset>
        <div class="felt">
          <label for="ber-begrundelse">
            Begrundelse{til === 'not_relevant' ? ' (skal udfyldes)' : ' (frivillig)'}
          </label>
          <textarea
            id="ber-begrundelse"
            rows={3}
            required={til === 'not_relevant'}
            value={begrundelse}
            onInput={(e) => setBegrundelse(e.currentTarget.value)}
          />
        </div>
        <Fejlboks fejl={fejl} />
        <div class="knapper">
          <button type="submit" class="knap knap-primaer">
            Gem markering
          </button>
          <button type="button" class="knap" onClick={onLuk}>
            Luk
          </button>
        </div>
      </form>
    </section>
  );
}
