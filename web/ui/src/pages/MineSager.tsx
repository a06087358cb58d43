import { api } from '../api';
import { useApp } from '../app';
import { Fejlboks, Indlaeser, Sidehoved, useData } from '../components/ui';
import { dato, idag, sagTilstandTekst } from '../format';
import { Link, saetQuery, useSted } from '../router';
import type { SagListe } from '../types';
import { erFaerdig, erOverskredet } from '../regler.js';

export function MineSagerSide() {
  const { meta } = useApp();
  const { data, fejl, henter } = useData(
    () => api<{ sager: SagListe[] }>('/api/v1/reviews?mine=1'),
    [],
  );
  const ydelse = (kode: string) => meta.ydelsestyper.find((y) => y.kode === kode)?.navn ?? kode;
  const center = (kode: string) => meta.centre.find((c) => c.kode === kode)?.navn ?? kode;
  const sager = [...(data?.sager ?? [])].sort(
    (a, b) =>
      Number(erFaerdig(a)) - Number(erFaerdig(b)) ||
      a.frist.localeCompare(b.frist) ||
      a.sagsnummer.localeCompare(b.sagsnummer),
  );
  const iDag = idag();
  const aabne = sager.filter((s) => !erFaerdig(s));
  const overskredne = aabne.filter((s) => erOverskredet(s, iDag));
  const { query } = useSted();
  const visning = query.get('vis') ?? 'aabne';
  const ydelsesfilter = query.get('ydelsestype') ?? '';
  const ydelser = [...new Set(sager.map((s) => s.ydelsestype))].sort((a, b) => ydelse(a).localeCompare(ydelse(b), 'da'));
  const viste = sager.filter(
    (s) =>
      (visning === 'alle' || (visning === 'faerdige') === erFaerdig(s)) &&
      (!ydelsesfilter || s.ydelsestype === ydelsesfilter),
  );

  return (
    <>
      <Sidehoved titel="Mine sager">
        <p class="hjaelp">
          De sager, der er tildelt dig til gennemgang. Åbn en sag for at vurdere dens kontroller.
        </p>
      </Sidehoved>
      <Fejlboks fejl={fejl} />
      {henter && !data ? <Indlaeser /> : null}
      {data ? (
        <>
          <p class="opsummering">
            {aabne.length} {aabne.length === 1 ? 'sag venter' : 'sager venter'} på dig
            {overskredne.length > 0 ? (
              <>
                , heraf <strong class="overskredet">{overskredne.length} over fristen</strong>
              </>
            ) : null}
            .
          </p>
          <div class="filtre">
            <div class="felt">
              <label for="vis">Vis</label>
              <select id="vis" value={visning} onChange={(e) => saetQuery({ vis: e.currentTarget.value })}>
                <option value="aabne">Sager der venter ({aabne.length})</option>
                <option value="faerdige">Indsendte og godkendte ({sager.length - aabne.length})</option>
                <option value="alle">Alle ({sager.length})</option>
              </select>
            </div>
            <div class="felt">
              <label for="ydelsestype">Ydelsestype</label>
              <select
                id="ydelsestype"
                value={ydelsesfilter}
                onChange={(e) => saetQuery({ ydelsestype: e.currentTarget.value })}
              >
                <option value="">Alle ydelsestyper</option>
                {ydelser.map((y) => (
                  <option key={y} value={y}>
                    {ydelse(y)}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {viste.length === 0 ? (
            <p>{sager.length === 0 ? 'Du har ingen tildelte sager.' : 'Ingen sager med dette valg.'}</p>
          ) : (
            <div class="tabel-rul">
              <table class="tabel">
                <caption class="skjult">Tildelte sager</caption>
                <thead>
                  <tr>
                    <th scope="col">Sag</th>
                    <th scope="col">Ydelsestype</th>
                    <th scope="col">Periode</th>
                    <th scope="col">Center</th>
                    <th scope="col">Status</th>
                    <th scope="col">Frist</th>
                  </tr>
                </thead>
                <tbody>
                  {viste.map((s) => {
                    const over = erOverskredet(s, iDag);
                    return (
                      <tr key={`${s.runde}/${s.sagsnummer}`} class={over ? 'raekke-overskredet' : ''}>
                        <th scope="row">
                          <Link
                            href={`/sager/${encodeURIComponent(s.runde)}/${encodeURIComponent(s.sagsnummer)}`}
                          >
                            {s.sagsnummer}
                          </Link>
                        </th>
                        <td>{ydelse(s.ydelsestype)}</td>
                        <td>{s.periode}</td>
                        <td>{center(s.center)}</td>
                        <td>
                          <span class={`status status-${s.tilstand}`}>
                            {s.tilstand_tekst ?? sagTilstandTekst[s.tilstand] ?? s.tilstand}
                          </span>
                        </td>
                        <td>
                          {dato(s.frist)}
                          {over ? <span class="maerke maerke-roed">Overskredet</span> : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}
    </>
  );
}
