// Til godkendelse (leder, admin): the submitted reviews of the year's rounds — for a leder only
// those of their own centers (the server filters) — each a link to the case, where it is
// approved or returned with a reason.
import { api, qs } from '../api';
import { useApp } from '../app';
import { Fejlboks, Indlaeser, Sidehoved, useData } from '../components/ui';
import { dato, sagTilstandTekst } from '../format';
import { Link, saetQuery, useSted } from '../router';
import type { Runde, SagListe } from '../types';

const medSager = new Set(['in_review', 'closed', 'reported']);

export function GodkendelseSide() {
  const { meta } = useApp();
  const { query } = useSted();
  const aarListe = meta.aar.length > 0 ? meta.aar : [new Date().getFullYear()];
  const aar = Number(query.get('aar')) || aarListe[aarListe.length - 1];
  const alle = query.get('vis') === 'alle';
  const { data, fejl, henter } = useData(async () => {
    const { runder } = await api<{ runder: Runde[] }>(`/api/v1/rounds${qs({ aar })}`);
    const lister = await Promise.all(
      runder
        .filter((r) => medSager.has(r.tilstand))
        .map((r) => api<{ sager: SagListe[] }>(`/api/v1/reviews${qs({ runde: r.id })}`)),
    );
    return lister.flatMap((l) => l.sager);
  }, [aar]);
  const ydelse = (kode: string) => meta.ydelsestyper.find((y) => y.kode === kode)?.navn ?? kode;
  const center = (kode: string) => meta.centre.find((c) => c.kode === kode)?.navn ?? kode;
  const indsendte = (data ?? []).filter((s) => s.tilstand === 'submitted');
  const viste = (alle ? (data ?? []) : indsendte)
    .slice()
    .sort((a, b) => a.runde.localeCompare(b.runde) || a.sagsnummer.localeCompare(b.sagsnummer));

  return (
    <>
      <Sidehoved titel="Til godkendelse">
        <p class="hjaelp">
          Indsendte sagsgennemgange fra dine centre. Åbn en sag for at godkende den eller sende den
          tilbage til koordinatoren med en begrundelse.
        </p>
      </Sidehoved>
      <div class="filtre">
        <div class="felt">
          <label for="aar">År</label>
          <select id="aar" value={String(aar)} onChange={(e) => saetQuery({ aar: e.currentTarget.value })}>
            {aarListe.map((a) => (
              <option key={a} value={String(a)}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div class="felt">
          <label for="vis">Vis</label>
          <select
            id="vis"
            value={alle ? 'alle' : 'indsendte'}
            onChange={(e) => saetQuery({ vis: e.currentTarget.value === 'alle' ? 'alle' : undefined })}
          >
            <option value="indsendte">Venter på godkendelse ({indsendte.length})</option>
            <option value="alle">Alle sager ({data?.length ?? 0})</option>
          </select>
        </div>
      </div>
      <Fejlboks fejl={fejl} />
      {henter && !data ? <Indlaeser /> : null}
      {data && viste.length === 0 ? <p>Ingen sager venter på godkendelse.</p> : null}
      {data && viste.length > 0 ? (
        <div class="tabel-rul">
          <table class="tabel">
            <caption class="skjult">Sager til godkendelse</caption>
            <thead>
              <tr>
                <th scope="col">Sag</th>
                <th scope="col">Ydelsestype</th>
                <th scope="col">Periode</th>
                <th scope="col">Center</th>
                <th scope="col">Koordinator</th>
                <th scope="col">Status</th>
                <th scope="col">Frist</th>
              </tr>
            </thead>
            <tbody>
              {viste.map((s) => (
                <tr key={`${s.runde}/${s.sagsnummer}`}>
                  <th scope="row">
                    <Link href={`/sager/${encodeURIComponent(s.runde)}/${encodeURIComponent(s.sagsnummer)}`}>
                      {s.sagsnummer}
                    </Link>
                  </th>
                  <td>{ydelse(s.ydelsestype)}</td>
                  <td>{s.periode}</td>
                  <td>{center(s.center)}</td>
                  <td>{s.koordinator}</td>
                  <td>
                    <span class={`status status-${s.tilstand}`}>
                      {sagTilstandTekst[s.tilstand] ?? s.tilstand_tekst ?? s.tilstand}
                    </span>
                  </td>
                  <td class="ingen-ombrydning">{dato(s.frist)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
