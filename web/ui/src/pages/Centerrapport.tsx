// Centerrapport: per ydelsestype the lights of the three categories and the overall figure
// (percent, n, Wilson interval), the trend of the error share, fejlstatistik, the cases with
// errors, and the downloads (csv, xlsx, html).
import { api, qs } from '../api';
import { useApp } from '../app';
import { Fejlboks, Indlaeser, ProcentLys, Sidehoved, useData } from '../components/ui';
import { Trend, type Serie } from '../components/Trend';
import { decimal, flertal, interval, kategoriTekst, procent } from '../format';
import { Link, saetQuery, useSted } from '../router';
import type { Runde, CenterYdelse, Centerrapport, FejlYdelse, Fejlstatistik, Kategorital, RapportKategori } from '../types';

const rapportKategorier: RapportKategori[] = ['key_control', 'quality_goal', 'formality'];

const medData = new Set(['sample_drawn', 'in_review', 'closed', 'reported']);

/**
 * The period a report opens on when the address names none: the newest period with a round
 * whose sample is drawn (later periods in meta.perioder may only be planned).
 */
export function useStandardPeriode(perioder: string[]): string | undefined {
  const { data, fejl } = useData(() => api<{ runder: Runde[] }>('/api/v1/rounds'), []);
  if (fejl) return perioder[0] ?? '';
  if (!data) return undefined;
  const aktive = new Set(data.runder.filter((r) => medData.has(r.tilstand)).map((r) => r.periode));
  return perioder.find((p) => aktive.has(p)) ?? perioder[0] ?? '';
}

export function Periodevalg({ perioder, valgt }: { perioder: string[]; valgt: string }) {
  return (
    <div class="felt">
      <label for="periode">Periode</label>
      <select id="periode" value={valgt} onChange={(e) => saetQuery({ periode: e.currentTarget.value })}>
        {perioder.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Downloads({ sti, params, navn }: { sti: string; params: Record<string, string>; navn: string }) {
  const formater: [string, string][] = [
    ['csv', 'CSV (Excel)'],
    ['xlsx', 'Excel-projektmappe (XLSX)'],
    ['html', 'HTML til udskrift'],
  ];
  return (
    <nav class="downloads" aria-label={`Hent ${navn}`}>
      <span>Hent {navn}:</span>
      <ul>
        {formater.map(([f, tekst]) => (
          <li key={f}>
            <a href={`${sti}${qs({ ...params, format: f })}`} download>
              {tekst}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Raekke({
  navn,
  k,
  forv,
  hoved,
  udenForv,
}: {
  navn: string;
  k: Kategorital | undefined;
  forv?: Kategorital;
  hoved?: boolean;
  udenForv?: boolean;
}) {
  const p = k?.korrekt;
  const ff = k?.fejlfri_sager;
  return (
    <tr class={hoved ? 'raekke-samlet' : ''}>
      <th scope="row">{navn}</th>
      <td>
        <ProcentLys p={p} />
      </td>
      <td class="tal">{p ? p.helhed : '—'}</td>
      <td class="ingen-ombrydning">{interval(p?.wilson_nedre, p?.wilson_oevre)}</td>
      <td class="tal">{p?.kan_ikke_vurderes ?? 0}</td>
      <td>{ff && ff.helhed > 0 ? `${ff.del} af ${ff.helhed} = ${procent(ff.procent)}` : '—'}</td>
      {udenForv ? null : <td>{forv ? <ProcentLys p={forv.korrekt} /> : '—'}</td>}
    </tr>
  );
}

function YdelseSektion({ y, fejl, center }: { y: CenterYdelse; fejl: FejlYdelse | undefined; center: string }) {
  const overskrift = `y-${y.ydelsestype}`;
  // The error share over the last periods: in total (thick) and per category (thin, dashed).
  const serieNavne: [string, string, string, number, number[]][] = [
    ['overall', 'Fejlandel i alt', '#b3261e', 3, []],
    ['key_control', 'Nøglekontroller', '#1f3b73', 1.5, [6, 3]],
    ['quality_goal', 'Kvalitetsmål', '#7a4b00', 1.5, [2, 3]],
    ['formality', 'Formalia', '#4a5568', 1.5, [8, 3, 2, 3]],
  ];
  const serier: Serie[] = serieNavne.flatMap(([noegle, navn, farve, bredde, streg]) => {
    const s = fejl?.udvikling?.serier.find((x) => x.noegle === noegle);
    if (!s) return [];
    return [
      {
        navn,
        farve,
        bredde,
        streg,
        vaerdier: s.punkter.map((pt) => (pt && pt.talt ? ((pt.fejl ?? 0) / pt.talt) * 100 : null)),
        noter: s.punkter.map((pt) => (pt && pt.talt ? `${pt.fejl ?? 0} fejl af ${pt.talt}` : null)),
      },
    ];
  });
  const rangerede = (fejl?.kontroller ?? []).filter((k) => k.fejlandel.fejl > 0);
  return (
    <section class="kort" aria-labelledby={overskrift}>
      <h2 id={overskrift}>{y.navn}</h2>
      <p class="hjaelp">
        Runde {y.runde}
        {y.center.sager !== undefined ? ` · ${flertal(y.center.sager, 'sag', 'sager')} talt` : ''}
        {y.venter ? ` · ${flertal(y.venter, 'sag venter', 'sager venter')}` : ''}
        {y.kan_ikke_vurderes_er_fejl ? ' · „kan ikke vurderes“ tælles som fejl' : ''}
      </p>
      <div class="tabel-rul">
        <table class="tabel">
          <caption class="skjult">Trafiklys for {y.navn}</caption>
          <thead>
            <tr>
              <th scope="col">Kategori</th>
              <th scope="col">Korrekt og lys</th>
              <th scope="col" class="tal">
                <abbr title="antal svar der tæller">n</abbr>
              </th>
              <th scope="col">95 %-interval (Wilson)</th>
              <th scope="col" class="tal">Kan ikke vurderes</th>
              <th scope="col">Fejlfri sager</th>
              <th scope="col">Forvaltningen</th>
            </tr>
          </thead>
          <tbody>
            <Raekke navn="Samlet" k={y.center.samlet} forv={y.forvaltningen?.samlet} hoved />
            {rapportKategorier.map((kat) => (
              <Raekke
                key={kat}
                navn={kategoriTekst[kat]}
                k={y.center.kategorier?.[kat]}
                forv={y.forvaltningen?.kategorier?.[kat]}
              />
            ))}
          </tbody>
        </table>
      </div>

      {serier.length > 0 && fejl?.udvikling ? (
        <Trend
          titel={`Fejlandel for ${y.navn} i ${center}, de seneste perioder`}
          perioder={fejl.udvikling.perioder}
          serier={serier}
          enhed="%"
        />
      ) : null}

      <h3>Fejlstatistik</h3>
      {rangerede.length === 0 ? (
        <p>Ingen fejl i perioden.</p>
      ) : (
        <div class="tabel-rul">
          <table class="tabel tabel-kompakt">
            <caption class="skjult">Kontroller med fejl, {y.navn}</caption>
            <thead>
              <tr>
                <th scope="col" class="tal">Rang</th>
                <th scope="col">Kontrol</th>
                <th scope="col">Kategori</th>
                <th scope="col" class="tal">Fejl</th>
                <th scope="col" class="tal">Fejlandel</th>
                <th scope="col" class="tal">Forrige periode</th>
                <th scope="col" class="tal">Ændring</th>
              </tr>
            </thead>
            <tbody>
              {rangerede.map((k) => (
                <tr key={k.kontrol}>
                  <td class="tal">{k.rang ?? '—'}</td>
                  <th scope="row">{k.kontrol}</th>
                  <td>{kategoriTekst[k.kategori] ?? k.kategori}</td>
                  <td class="tal">
                    {k.fejlandel.fejl} af {k.fejlandel.talt}
                  </td>
                  <td class="tal">{procent(k.procent)}</td>
                  <td class="tal">{procent(k.forrige_procent)}</td>
                  <td class="tal">
                    {k.aendring_viste_point === null || k.aendring_viste_point === undefined
                      ? '—'
                      : `${k.aendring_viste_point > 0 ? '+' : ''}${decimal(k.aendring_viste_point, 0)} point`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h3>Sager med fejl</h3>
      {(y.sager_med_fejl ?? []).length === 0 ? (
        <p>Ingen sager med fejl eller „kan ikke vurderes“.</p>
      ) : (
        <div class="tabel-rul">
          <table class="tabel tabel-kompakt">
            <caption class="skjult">Sager med fejl, {y.navn}</caption>
            <thead>
              <tr>
                <th scope="col">Sag</th>
                <th scope="col">CPR-nummer</th>
                <th scope="col">Fejl i kontrol</th>
                <th scope="col">Kan ikke vurderes</th>
              </tr>
            </thead>
            <tbody>
              {(y.sager_med_fejl ?? []).map((s) => (
                <tr key={s.sag}>
                  <th scope="row">
                    <Link href={`/sager/${encodeURIComponent(y.runde)}/${encodeURIComponent(s.sag)}`}>{s.sag}</Link>
                  </th>
                  <td class="cpr">{s.cpr}</td>
                  <td>{s.fejl.join(', ') || '—'}</td>
                  <td>{s.kan_ikke_vurderes.join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function CenterrapportSide() {
  const { session, meta } = useApp();
  const { query } = useSted();
  const mine = session.bruger.rolle === 'leder';
  const centre = mine ? meta.centre.filter((c) => session.bruger.centre.includes(c.kode)) : meta.centre;
  const perioder = [...meta.perioder].reverse();
  const center = query.get('center') ?? centre[0]?.kode ?? '';
  const standard = useStandardPeriode(perioder);
  const periode = query.get('periode') ?? standard ?? '';
  const navn = meta.centre.find((c) => c.kode === center)?.navn ?? center;

  const rapport = useData(
    center && periode
      ? () => api<Centerrapport>(`/api/v1/reports/center${qs({ center, periode })}`)
      : null,
    [center, periode],
  );
  const fejlstat = useData(
    center && periode
      ? () => api<Fejlstatistik>(`/api/v1/reports/fejlstatistik${qs({ center, periode })}`)
      : null,
    [center, periode],
  );

  return (
    <>
      <Sidehoved titel={`Centerrapport${rapport.data ? `: ${rapport.data.navn}` : ''}`}>
        <p class="hjaelp">
          Procent korrekte svar pr. ydelsestype og kategori. Lys: grøn fra{' '}
          {rapport.data?.graenser.groen_min ?? 95} %, gul fra {rapport.data?.graenser.gul_min ?? 75} %,
          ellers rød. * betyder for få svar til at skelne grøn fra gul.
        </p>
      </Sidehoved>
      <div class="filtre">
        <div class="felt">
          <label for="center">Center</label>
          <select id="center" value={center} onChange={(e) => saetQuery({ center: e.currentTarget.value })}>
            {centre.map((c) => (
              <option key={c.kode} value={c.kode}>
                {c.navn}
              </option>
            ))}
          </select>
        </div>
        <Periodevalg perioder={perioder} valgt={periode} />
      </div>
      {centre.length === 0 ? <p>Du er ikke tilknyttet et center.</p> : null}
      {perioder.length === 0 ? <p>Der er endnu ingen runder at rapportere på.</p> : null}
      <Fejlboks fejl={rapport.fejl} />
      {rapport.henter && !rapport.data ? <Indlaeser /> : null}
      {rapport.data ? (
        <>
          <Downloads sti="/api/v1/reports/center" params={{ center, periode }} navn="centerrapporten" />
          <section class="kort" aria-labelledby="i-alt">
            <h2 id="i-alt">{navn} i alt</h2>
            <table class="tabel">
              <caption class="skjult">{navn} på tværs af ydelsestyper</caption>
              <thead>
                <tr>
                  <th scope="col">Kategori</th>
                  <th scope="col">Korrekt og lys</th>
                  <th scope="col" class="tal">n</th>
                  <th scope="col">95 %-interval (Wilson)</th>
                  <th scope="col" class="tal">Kan ikke vurderes</th>
                  <th scope="col">Fejlfri sager</th>
                </tr>
              </thead>
              <tbody>
                <Raekke navn="Samlet" k={rapport.data.i_alt.samlet} hoved udenForv />
                {rapportKategorier.map((kat) => (
                  <Raekke key={kat} navn={kategoriTekst[kat]} k={rapport.data!.i_alt.kategorier?.[kat]} udenForv />
                ))}
              </tbody>
            </table>
          </section>
          {rapport.data.ydelsestyper.length === 0 ? <p>Ingen ydelsestyper gennemgået i {periode}.</p> : null}
          {rapport.data.ydelsestyper.map((y) => (
            <YdelseSektion
              key={y.runde}
              y={y}
              center={navn}
              fejl={fejlstat.data?.ydelsestyper.find((f) => f.ydelsestype === y.ydelsestype)}
            />
          ))}
          <Fejlboks fejl={fejlstat.fejl} titel="Fejlstatistik" />
          <Downloads sti="/api/v1/reports/fejlstatistik" params={{ center, periode }} navn="fejlstatistikken" />
        </>
      ) : null}
    </>
  );
}
