// Revisorsammenligning (issue 7 item 5): the municipality's answers against the external
// revisor's for one round and source — the verdict in words, AC1 and kappa with intervals,
// observed agreement, both error rates, McNemar in plain Danish, the estimated true error rate,
// and the disagreements with both comments side by side. The same figures as
// `sagsaudit compare report --format json` (GET /api/v1/rounds/{id}/compare).
import { api, qs } from '../api';
import { Fejlboks, Indlaeser, Sidehoved, useData } from '../components/ui';
import { decimal, interval, kategoriTekst, mcnemarTekst, type McNemar } from '../format';
import { saetQuery, useSted } from '../router';
import type { Runde } from '../types';
import { Downloads } from './Centerrapport';

interface Koefficient {
  vaerdi: number;
  se: number;
  interval: [number, number] | null;
}
interface Fejlrate {
  fejl: number;
  n: number;
  andel: number;
  interval: [number, number];
}
interface Statistik {
  tabel: { antal: number[][] };
  enighed: Koefficient | null;
  kappa: Koefficient | null;
  ac1: Koefficient | null;
  fejl_kommunen: Fejlrate | null;
  fejl_revisor: Fejlrate | null;
  mcnemar: McNemar | null;
}
interface Gruppe {
  gruppering: string;
  ydelsestype: string;
  kategori: string;
  kontrol: string;
  statistik: Statistik;
}
interface Uenighed {
  sag: string;
  center: string;
  kontrol: string;
  kategori: string;
  kommunen_svar: string;
  kommunen_kommentar: string;
  revisor_svar: string;
  revisor_kommentar: string;
}
interface Sammenligning {
  runde: string;
  ydelsestype: string;
  periode: string;
  kilde: string;
  laast: boolean;
  par: number;
  sager_begge: number;
  vurdering: { niveau: string; overskrift: string; forklaring: string };
  sand_fejlandel: { tekst: string };
  grupper: Gruppe[];
  uenigheder: Uenighed[];
}
interface Kilder {
  kilder: { kilde: string; laast: boolean; indlaest: string }[];
}

const medData = new Set(['sample_drawn', 'in_review', 'closed', 'reported']);
const niveauKlasse: Record<string, string> = {
  hoej: 'lys-groen',
  moderat: 'lys-gul',
  lav: 'lys-roed',
  for_faa_par: 'lys-ingen',
};
const svarOrd: Record<string, string> = {
  correct: 'Korrekt',
  error: 'Fejl',
  not_relevant: 'Ikke relevant',
  cannot_assess: 'Kan ikke vurderes',
};

function koefficient(k: Koefficient | null): string {
  if (!k) return '—';
  const iv = k.interval ? `; 95 %: ${decimal(k.interval[0], 3)} til ${decimal(k.interval[1], 3)}` : '';
  return `${decimal(k.vaerdi, 3)} (SE ${decimal(k.se, 3)}${iv})`;
}

function fejlrate(r: Fejlrate | null): string {
  if (!r) return '—';
  return `${r.fejl} af ${r.n} = ${decimal(r.andel * 100)} % (${interval(r.interval[0], r.interval[1])})`;
}

function gruppeNavn(g: Gruppe): string {
  switch (g.gruppering) {
    case 'i_alt':
      return 'I alt';
    case 'kategori':
      return `Alle ydelsestyper, ${kategoriTekst[g.kategori] ?? g.kategori}`;
    case 'ydelsestype':
      return `Ydelsestypen ${g.ydelsestype}`;
    case 'ydelsestype_kategori':
      return kategoriTekst[g.kategori] ?? g.kategori;
    default:
      return `Kontrol ${g.kontrol}`;
  }
}

function Resultat({ s, runde, kilde }: { s: Sammenligning; runde: string; kilde: string }) {
  const typer = new Set(s.grupper.filter((g) => g.gruppering === 'ydelsestype').map((g) => g.ydelsestype));
  const viste = s.grupper.filter((g) => typer.size > 1 || (g.gruppering !== 'i_alt' && g.gruppering !== 'kategori'));
  return (
    <>
      <Downloads
        sti={`/api/v1/rounds/${encodeURIComponent(runde)}/compare`}
        params={kilde ? { source: kilde } : {}}
        navn="revisorsammenligningen"
      />
      <section class="kort" aria-labelledby="vurdering">
        <h2 id="vurdering">Vurdering: {s.ydelsestype} {s.periode}</h2>
        <p>
          <span class={`lys ${niveauKlasse[s.vurdering.niveau] ?? 'lys-ingen'}`}>
            <span class="lys-prik" aria-hidden="true" />
            {s.vurdering.overskrift}
          </span>
        </p>
        <p>{s.vurdering.forklaring}</p>
        <p class="hjaelp">
          Revisorgennemgang fra {s.kilde} ({s.laast ? 'låst' : 'ikke låst endnu'}) · {s.par} par i{' '}
          {s.sager_begge} sager, som begge har gennemgået.
        </p>
        <h3>Anslået sand fejlandel</h3>
        <p>{s.sand_fejlandel.tekst}</p>
      </section>
      <section class="kort" aria-labelledby="tal">
        <h2 id="tal">Overensstemmelse og fejlandele</h2>
        <div class="tabel-rul">
          <table class="tabel">
            <caption class="skjult">Overensstemmelse pr. gruppe</caption>
            <thead>
              <tr>
                <th scope="col">Gruppe</th>
                <th scope="col">Observeret enighed</th>
                <th scope="col">Gwets AC1 (SE; 95 %)</th>
                <th scope="col">Cohens kappa (SE; 95 %)</th>
                <th scope="col">Fejlandel, kommunen</th>
                <th scope="col">Fejlandel, revisor</th>
                <th scope="col">McNemar</th>
              </tr>
            </thead>
            <tbody>
              {viste.map((g, i) => (
                <tr key={i} class={g.gruppering === 'ydelsestype' ? 'raekke-samlet' : ''}>
                  <th scope="row">{gruppeNavn(g)}</th>
                  <td class="tal">{g.statistik.enighed ? `${decimal(g.statistik.enighed.vaerdi * 100)} %` : '—'}</td>
                  <td>{koefficient(g.statistik.ac1)}</td>
                  <td>{koefficient(g.statistik.kappa)}</td>
                  <td>{fejlrate(g.statistik.fejl_kommunen)}</td>
                  <td>{fejlrate(g.statistik.fejl_revisor)}</td>
                  <td>{mcnemarTekst(g.statistik.mcnemar)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="kort" aria-labelledby="uenigheder">
        <h2 id="uenigheder">Uenigheder ({s.uenigheder.length})</h2>
        {s.uenigheder.length === 0 ? (
          <p>Kommunen og revisor er enige om alle parrede kontroller.</p>
        ) : (
          <div class="tabel-rul">
            <table class="tabel">
              <caption class="skjult">Kontroller, hvor kommunen og revisor svarer forskelligt</caption>
              <thead>
                <tr>
                  <th scope="col">Sag</th>
                  <th scope="col">Center</th>
                  <th scope="col">Kontrol</th>
                  <th scope="col">Kommunen</th>
                  <th scope="col">Kommunens kommentar</th>
                  <th scope="col">Revisor</th>
                  <th scope="col">Revisors kommentar</th>
                </tr>
              </thead>
              <tbody>
                {s.uenigheder.map((u) => (
                  <tr key={`${u.sag}-${u.kontrol}`}>
                    <th scope="row">{u.sag}</th>
                    <td>{u.center}</td>
                    <td>
                      {u.kontrol} <span class="hjaelp">({kategoriTekst[u.kategori] ?? u.kategori})</span>
                    </td>
                    <td>{svarOrd[u.kommunen_svar] ?? u.kommunen_svar}</td>
                    <td>{u.kommunen_kommentar || '—'}</td>
                    <td>{svarOrd[u.revisor_svar] ?? u.revisor_svar}</td>
                    <td>{u.revisor_kommentar || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function RevisorsammenligningSide() {
  const { query } = useSted();
  const runder = useData(() => api<{ runder: Runde[] }>('/api/v1/rounds'), []);
  const valgbare = (runder.data?.runder ?? []).filter((r) => medData.has(r.tilstand));
  const runde = query.get('runde') ?? valgbare[0]?.id ?? '';
  const kilder = useData(
    runde ? () => api<Kilder>(`/api/v1/rounds/${encodeURIComponent(runde)}/compare/sources`) : null,
    [runde],
  );
  const liste = kilder.data?.kilder ?? [];
  const kilde = query.get('kilde') ?? liste[0]?.kilde ?? '';
  const sammenligning = useData(
    runde && kilde
      ? () => api<Sammenligning>(`/api/v1/rounds/${encodeURIComponent(runde)}/compare${qs({ source: kilde })}`)
      : null,
    [runde, kilde],
  );
  return (
    <>
      <Sidehoved titel="Revisorsammenligning">
        <p class="hjaelp">
          Kommunens svar sammenlignet med den eksterne revisors på de kontroller, som begge har besvaret
          korrekt eller fejl. Metoderne står i docs/agreement.md.
        </p>
      </Sidehoved>
      <Fejlboks fejl={runder.fejl} />
      {runder.henter && !runder.data ? <Indlaeser /> : null}
      <div class="filtre">
        <div class="felt">
          <label for="runde">Runde</label>
          <select id="runde" value={runde} onChange={(e) => saetQuery({ runde: e.currentTarget.value, kilde: undefined })}>
            {valgbare.map((r) => (
              <option key={r.id} value={r.id}>
                {r.id}
              </option>
            ))}
          </select>
        </div>
        <div class="felt">
          <label for="kilde">Revisorgennemgang</label>
          <select
            id="kilde"
            value={kilde}
            disabled={liste.length === 0}
            onChange={(e) => saetQuery({ kilde: e.currentTarget.value })}
          >
            {liste.map((k) => (
              <option key={k.kilde} value={k.kilde}>
                {k.kilde}
                {k.laast ? ' (låst)' : ' (ikke låst)'}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Fejlboks fejl={kilder.fejl} />
      {kilder.data && liste.length === 0 ? (
        <p>Runden {runde} har ingen indlæst revisorgennemgang (sagsaudit compare import).</p>
      ) : null}
      <Fejlboks fejl={sammenligning.fejl} />
      {sammenligning.henter && !sammenligning.data ? <Indlaeser /> : null}
      {sammenligning.data ? <Resultat s={sammenligning.data} runde={runde} kilde={kilde} /> : null}
    </>
  );
}
