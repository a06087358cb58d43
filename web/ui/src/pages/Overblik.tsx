// Overblik: the matrix centers × ydelsestyper of lights for one period, with the forvaltning.
import { api, qs } from '../api';
import { useApp } from '../app';
import { Fejlboks, Indlaeser, ProcentLys, Sidehoved, useData } from '../components/ui';
import { Link, useSted } from '../router';
import type { LysTal, Overblik } from '../types';
import { Downloads, Periodevalg, useStandardPeriode } from './Centerrapport';

function Celle({ c }: { c: LysTal | undefined }) {
  if (!c || !c.samlet || c.samlet.korrekt.helhed === 0) return <td class="celle-tom">—</td>;
  return (
    <td>
      <ProcentLys p={c.samlet.korrekt} />
      <span class="n">n = {c.samlet.korrekt.helhed}</span>
    </td>
  );
}

export function OverblikSide() {
  const { meta } = useApp();
  const { query } = useSted();
  const perioder = [...meta.perioder].reverse();
  const standard = useStandardPeriode(perioder);
  const periode = query.get('periode') ?? standard ?? '';
  const { data, fejl, henter } = useData(
    periode ? () => api<Overblik>(`/api/v1/reports/overview${qs({ periode })}`) : null,
    [periode],
  );
  const celle = (celler: LysTal[] | undefined, y: string) => celler?.find((c) => c.ydelsestype === y);

  return (
    <>
      <Sidehoved titel="Overblik">
        <p class="hjaelp">
          Trafiklys pr. center og ydelsestype: procent korrekte svar i alt, n = antal svar der tæller.
        </p>
      </Sidehoved>
      <div class="filtre">
        <Periodevalg perioder={perioder} valgt={periode} />
      </div>
      {perioder.length === 0 ? <p>Der er endnu ingen runder at rapportere på.</p> : null}
      <Fejlboks fejl={fejl} />
      {henter && !data ? <Indlaeser /> : null}
      {data ? (
        <>
          <Downloads sti="/api/v1/reports/overview" params={{ periode }} navn="overblikket" />
          <div class="tabel-rul">
            <table class="tabel matrix">
              <caption>Centre × ydelsestyper, {data.periode}</caption>
              <thead>
                <tr>
                  <th scope="col">Center</th>
                  {data.ydelsestyper.map((y) => (
                    <th scope="col" key={y.kode}>
                      {y.navn}
                    </th>
                  ))}
                  <th scope="col">I alt</th>
                </tr>
              </thead>
              <tbody>
                {data.centre.map((c) => (
                  <tr key={c.center}>
                    <th scope="row">
                      <Link href={`/rapport/center${qs({ center: c.center, periode })}`}>{c.navn}</Link>
                    </th>
                    {data.ydelsestyper.map((y) => (
                      <Celle key={y.kode} c={celle(c.celler, y.kode)} />
                    ))}
                    <Celle c={c.i_alt} />
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">Forvaltningen</th>
                  {data.ydelsestyper.map((y) => (
                    <Celle key={y.kode} c={celle(data.forvaltningen.celler, y.kode)} />
                  ))}
                  <Celle c={data.forvaltningen.i_alt} />
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
