// Opfølgning (issue 8, docs/followup.md): the improvement initiatives of red (or chosen yellow)
// cells by status — rød, gul, i gang, most overdue first — the handleplan laid out as the
// administration's status notes (seed 001), and the open berigtigelser with totals per center.
// Admin and a leder (own centers) fill in initiatives, change their status with a reason and
// mark berigtigelser; the revisor reads. Colour always comes with its word.
import { useEffect, useState } from 'preact/hooks';
import { api, qs } from '../api';
import { useApp } from '../app';
import { Fejlboks, Felt, Indlaeser, Kvittering, Sidehoved, oevrigeFejl, useData } from '../components/ui';
import { dato, flertal, procent, tidspunkt } from '../format';
import { saetQuery, useSted } from '../router';
import type {
  Berigtigelse,
  BerigtigelseStatus,
  Initiativ,
  InitiativStatus,
  KodeNavn,
  Markering,
  Opfoelgning,
  Runde,
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
  | { type: 'nyt' }
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
  // the rapporteret rounds, whose cells may get an initiative by choice (only for those who may)
  const { data: runder, fejl: runderFejl } = useData(
    kanAendre ? () => api<{ runder: Runde[] }>('/api/v1/rounds') : null,
    [kanAendre],
  );
  // newest period first, then by the ydelsestype's name
  const rapporterede = (runder?.runder ?? [])
    .filter((r) => r.tilstand === 'reported')
    .sort(
      (a, b) => b.periode.localeCompare(a.periode) || ydelseNavn(a.ydelsestype).localeCompare(ydelseNavn(b.ydelsestype), 'da'),
    );

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
      {data && kanAendre && valgt?.type === 'nyt' && !runder ? <Fejlboks fejl={runderFejl} /> : null}
      {data && kanAendre && valgt?.type === 'nyt' && runder ? (
        <NytInitiativFormular
          centre={centre}
          standardCenter={center}
          runder={rapporterede}
          ydelseNavn={ydelseNavn}
          onLuk={() => {
            // the initiative may exist already (made, but its fields refused): the lists show it
            setValgt(null);
            void hent();
          }}
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
            {kanAendre && valgt?.type !== 'nyt' ? (
              <button type="button" class="knap knap-lille opf-ny" onClick={() => vaelg({ type: 'nyt' })}>
                Nyt initiativ for en gul celle
              </button>
            ) : null}
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

/**
 * The end of every form on this page: an optional reason (required or voluntary), the form's
 * error box (what its fields do not show themselves), the submit button and, for the forms that
 * open over the lists, Luk.
 */
function FormularBund({
  begrundelse,
  fejl,
  felter = [],
  knap,
  onLuk,
}: {
  begrundelse?: { id: string; paakraevet: boolean; vaerdi: string; saet: (v: string) => void };
  /** the form's error as the API gave it */
  fejl: unknown;
  /** the fields above that show their own problems (Felt), left out of the box here */
  felter?: string[];
  knap: string;
  onLuk?: () => void;
}) {
  return (
    <>
      {begrundelse ? (
        <Felt
          id={begrundelse.id}
          felt="begrundelse"
          label={`Begrundelse${begrundelse.paakraevet ? ' (skal udfyldes)' : ' (frivillig)'}`}
          fejl={fejl}
        >
          {(a) => (
            <textarea
              {...a}
              rows={3}
              required={begrundelse.paakraevet}
              value={begrundelse.vaerdi}
              onInput={(e) => begrundelse.saet(e.currentTarget.value)}
            />
          )}
        </Felt>
      ) : null}
      <Fejlboks fejl={oevrigeFejl(fejl, begrundelse ? [...felter, 'begrundelse'] : felter)} />
      <div class="knapper fuld-bredde">
        <button type="submit" class="knap knap-primaer">
          {knap}
        </button>
        {onLuk ? (
          <button type="button" class="knap" onClick={onLuk}>
            Luk
          </button>
        ) : null}
      </div>
    </>
  );
}

/** What an initiative says, as typed in its form (frist as dd-mm-åååå, kontroller comma-separated). */
interface InitiativTekst {
  hvad: string;
  ansvarlig: string;
  frist: string;
  kontroller: string;
}

const tomtInitiativ: InitiativTekst = { hvad: '', ansvarlig: '', frist: '', kontroller: '' };

function tekstAf(i: Initiativ): InitiativTekst {
  return {
    hvad: i.hvad,
    ansvarlig: i.ansvarlig,
    frist: i.frist ? dato(i.frist) : '',
    kontroller: i.kontroller.map((k) => k.kontrol).join(', '),
  };
}

const initiativFelter = ['hvad', 'ansvarlig', 'frist', 'kontroller'];

/** The PATCH body: only what differs from `foer` (a deadline is never cleared, only changed). */
function aendringer(ny: InitiativTekst, foer: InitiativTekst): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  if (ny.hvad.trim() !== foer.hvad.trim()) json.hvad = ny.hvad.trim();
  if (ny.ansvarlig.trim() !== foer.ansvarlig.trim()) json.ansvarlig = ny.ansvarlig.trim();
  if (ny.frist.trim() && ny.frist.trim() !== foer.frist) json.frist = ny.frist.trim();
  const liste = (t: string) =>
    t
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean);
  if (liste(ny.kontroller).join(',') !== liste(foer.kontroller).join(',')) json.kontroller = liste(ny.kontroller);
  return json;
}

/** Hvad, ansvarlig, frist and kontroller, each with the server's problems for it right below. */
function InitiativFelter({
  v,
  saet,
  fejl,
}: {
  v: InitiativTekst;
  saet: (v: InitiativTekst) => void;
  fejl: unknown;
}) {
  return (
    <>
      <Felt id="opf-hvad" felt="hvad" label="Hvad gøres" fejl={fejl} klasse="fuld-bredde">
        {(a) => <textarea {...a} rows={3} value={v.hvad} onInput={(e) => saet({ ...v, hvad: e.currentTarget.value })} />}
      </Felt>
      <Felt id="opf-ansvarlig" felt="ansvarlig" label="Ansvarlig" fejl={fejl}>
        {(a) => <input {...a} value={v.ansvarlig} onInput={(e) => saet({ ...v, ansvarlig: e.currentTarget.value })} />}
      </Felt>
      <Felt id="opf-frist" felt="frist" label="Forventet afslutning (frist, dd-mm-åååå)" fejl={fejl}>
        {(a) => (
          <input
            {...a}
            inputMode="numeric"
            autocomplete="off"
            placeholder="31-12-2027"
            value={v.frist}
            onInput={(e) => saet({ ...v, frist: e.currentTarget.value })}
          />
        )}
      </Felt>
      <Felt
        id="opf-kontroller"
        felt="kontroller"
        label="Kontroller, det retter sig mod"
        fejl={fejl}
        hjaelp="Kontrol-id'er adskilt af komma, fx SD-K01, SD-N03"
      >
        {(a) => <input {...a} value={v.kontroller} onInput={(e) => saet({ ...v, kontroller: e.currentTarget.value })} />}
      </Felt>
    </>
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
  const [v, setV] = useState(() => tekstAf(i));
  const [felterFejl, setFelterFejl] = useState<unknown>(null);
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
    try {
      await api(`/api/v1/followup/initiatives/${i.nr}`, { method: 'PATCH', json: aendringer(v, tekstAf(i)) });
      await onGemt(`Initiativ ${i.nr} er gemt.`);
    } catch (err) {
      setFelterFejl(err);
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
      setStatusFejl(err);
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
        <InitiativFelter v={v} saet={setV} fejl={felterFejl} />
        <FormularBund fejl={felterFejl} felter={initiativFelter} knap="Gem initiativet" />
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
        <FormularBund
          begrundelse={{ id: 'opf-begrundelse', paakraevet: true, vaerdi: begrundelse, saet: setBegrundelse }}
          fejl={statusFejl}
          knap="Skift status"
          onLuk={onLuk}
        />
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

/**
 * A new initiative for a cell by choice (a yellow one; red cells get theirs when the round is
 * rapporteret): POST /api/v1/followup/initiatives {runde, center}, then PATCH with what was
 * filled in. The API has no single call for both: when the second fails the initiative exists
 * (empty, as a red cell's starts), the cell is locked and the next submit only fills it in.
 */
function NytInitiativFormular({
  centre,
  standardCenter,
  runder,
  ydelseNavn,
  onLuk,
  onGemt,
}: {
  centre: KodeNavn[];
  standardCenter: string;
  runder: Runde[];
  ydelseNavn: (kode: string) => string;
  onLuk: () => void;
  onGemt: (tekst: string) => Promise<void>;
}) {
  const [center, setCenter] = useState(standardCenter || (centre[0]?.kode ?? ''));
  const [runde, setRunde] = useState(runder[0]?.id ?? '');
  const [v, setV] = useState(tomtInitiativ);
  const [oprettet, setOprettet] = useState<number | null>(null);
  const [fejl, setFejl] = useState<unknown>(null);
  const rundeTekst = (r: Runde) => `${ydelseNavn(r.ydelsestype)} ${r.periode}`;

  const send = async (e: Event) => {
    e.preventDefault();
    setFejl(null);
    try {
      let nr = oprettet;
      if (nr === null) {
        const ny = await api<Initiativ>('/api/v1/followup/initiatives', {
          method: 'POST',
          json: { runde, center },
        });
        nr = ny.nr;
        setOprettet(nr);
      }
      const json = aendringer(v, tomtInitiativ);
      if (Object.keys(json).length > 0) {
        await api(`/api/v1/followup/initiatives/${nr}`, { method: 'PATCH', json });
      }
      const navn = centre.find((c) => c.kode === center)?.navn ?? center;
      const r = runder.find((x) => x.id === runde);
      await onGemt(`Initiativ ${nr} er oprettet for ${navn} · ${r ? rundeTekst(r) : runde}.`);
    } catch (err) {
      setFejl(err);
    }
  };

  return (
    <section class="kort opf-valgt" aria-labelledby="valgt-titel">
      <h2 id="valgt-titel" tabIndex={-1}>
        Nyt initiativ for en gul celle
      </h2>
      <p class="hjaelp">
        Røde celler får deres initiativ, når runden er rapporteret. En gul celle (et center × en ydelsestype i
        en rapporteret runde) kan få et, hvis I vælger det.
      </p>
      {runder.length === 0 ? (
        <p>Ingen runder er rapporteret endnu.</p>
      ) : (
        <form onSubmit={send} class="formular" aria-labelledby="opf-ny-celle">
          <h3 id="opf-ny-celle" class="fuld-bredde">
            Cellen
          </h3>
          <Felt id="opf-ny-center" felt="center" label="Center" fejl={fejl}>
            {(a) => (
              <select {...a} value={center} disabled={oprettet !== null} onChange={(e) => setCenter(e.currentTarget.value)}>
                {centre.map((c) => (
                  <option key={c.kode} value={c.kode}>
                    {c.navn}
                  </option>
                ))}
              </select>
            )}
          </Felt>
          <Felt
            id="opf-ny-runde"
            felt="runde"
            label="Ydelsestype og periode"
            fejl={fejl}
            hjaelp="Kun rapporterede runder"
          >
            {(a) => (
              <select {...a} value={runde} disabled={oprettet !== null} onChange={(e) => setRunde(e.currentTarget.value)}>
                {runder.map((r) => (
                  <option key={r.id} value={r.id}>
                    {rundeTekst(r)}
                  </option>
                ))}
              </select>
            )}
          </Felt>
          {oprettet !== null ? (
            <p class="besked besked-ok fuld-bredde" role="status">
              Initiativ {oprettet} er oprettet for cellen, men det, der er udfyldt nedenfor, er ikke gemt. Ret
              fejlen, og gem igen.
            </p>
          ) : null}
          <h3 class="fuld-bredde">Initiativet</h3>
          <InitiativFelter v={v} saet={setV} fejl={fejl} />
          <FormularBund
            fejl={fejl}
            felter={['center', 'runde', ...initiativFelter]}
            knap={oprettet === null ? 'Opret initiativet' : 'Gem initiativet'}
            onLuk={onLuk}
          />
        </form>
      )}
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
      setFejl(err);
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
        <FormularBund
          begrundelse={{
            id: 'ber-begrundelse',
            paakraevet: til === 'not_relevant',
            vaerdi: begrundelse,
            saet: setBegrundelse,
          }}
          fejl={fejl}
          knap="Gem markering"
          onLuk={onLuk}
        />
      </form>
    </section>
  );
}
