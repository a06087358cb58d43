// The trend chart (uPlot): one line per series over the periods, gaps where a period has no
// data. The same figures are in a table below it for screen readers and keyboard users.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { decimal } from '../format';

export interface Serie {
  navn: string;
  farve: string;
  bredde?: number;
  /** dash pattern, so the lines differ by more than colour */
  streg?: number[];
  vaerdier: (number | null)[];
  /** text per point for the table, e.g. "3 fejl af 40" */
  noter?: (string | null)[];
}

export function Trend({
  titel,
  perioder,
  serier,
  enhed,
}: {
  titel: string;
  perioder: string[];
  serier: Serie[];
  enhed: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || perioder.length === 0) return;
    const bredde = () => Math.max(280, Math.min(720, el.clientWidth || 600));
    const xs = perioder.map((_, i) => i);
    const opts: uPlot.Options = {
      width: bredde(),
      height: 220,
      legend: { show: serier.length > 1, live: false },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, y: { range: (_u, _lo, hi) => [0, Math.max(10, Math.ceil((hi ?? 0) / 10) * 10)] } },
      axes: [
        {
          values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) ? (perioder[t] ?? '') : '')),
          stroke: '#333',
          grid: { stroke: '#e5e5e5' },
        },
        { values: (_u, ticks) => ticks.map((t) => `${t} ${enhed}`), stroke: '#333', grid: { stroke: '#e5e5e5' }, size: 56 },
      ],
      series: [
        { label: 'Periode', value: (_u, v) => (v === null ? '' : (perioder[v] ?? '')) },
        ...serier.map((s) => ({
          label: s.navn,
          stroke: s.farve,
          width: s.bredde ?? 2,
          dash: s.streg && s.streg.length > 0 ? s.streg : undefined,
          points: { show: true, size: 7 },
          spanGaps: false,
          value: (_u: uPlot, v: number | null) => (v === null ? '—' : `${decimal(v)} ${enhed}`),
        })),
      ],
    };
    const data = [xs, ...serier.map((s) => s.vaerdier)] as uPlot.AlignedData;
    const plot = new uPlot(opts, data, el);
    const ro = new ResizeObserver(() => plot.setSize({ width: bredde(), height: 220 }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [perioder.join(','), JSON.stringify(serier)]);

  return (
    <figure class="trend">
      <figcaption>{titel}</figcaption>
      <div ref={ref} class="trend-graf" aria-hidden="true" />
      <details>
        <summary>Vis tallene som tabel</summary>
        <table class="tabel tabel-kompakt">
          <thead>
            <tr>
              <th scope="col">Periode</th>
              {serier.map((s) => (
                <th scope="col" key={s.navn}>
                  {s.navn}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {perioder.map((p, i) => (
              <tr key={p}>
                <th scope="row">{p}</th>
                {serier.map((s) => (
                  <td key={s.navn}>
                    {s.vaerdier[i] === null || s.vaerdier[i] === undefined
                      ? 'ingen data'
                      : `${decimal(s.vaerdier[i])} ${enhed}${s.noter?.[i] ? ` (${s.noter[i]})` : ''}`}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
