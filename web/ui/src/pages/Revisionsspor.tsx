// Revisionsspor (admin, revisor): the audit log, newest first, read-only, with the hash
// chain's state.
import { useEffect, useState } from 'preact/hooks';
import { api, qs } from '../api';
import { Fejlboks, Indlaeser, Sidehoved } from '../components/ui';
import { tidspunkt } from '../format';
import type { AuditPost } from '../types';

const side = 100;

export function RevisionssporSide() {
  const [poster, setPoster] = useState<AuditPost[]>([]);
  const [kaedeOk, setKaedeOk] = useState<boolean | null>(null);
  const [fejl, setFejl] = useState<unknown>(null);
  const [henter, setHenter] = useState(false);
  const [flere, setFlere] = useState(true);

  const hent = async (foer?: number) => {
    setHenter(true);
    setFejl(null);
    try {
      const r = await api<{ poster: AuditPost[]; kaede_ok: boolean }>(`/api/v1/audit${qs({ limit: side, foer })}`);
      setPoster((p) => (foer === undefined ? r.poster : [...p, ...r.poster]));
      setKaedeOk(r.kaede_ok);
      setFlere(r.poster.length === side);
    } catch (e) {
      setFejl(e);
    } finally {
      setHenter(false);
    }
  };

  useEffect(() => {
    void hent();
  }, []);

  return (
    <>
      <Sidehoved titel="Revisionsspor">
        <p class="hjaelp">Hver ændring af gennemgangsdata, nyeste først. Loggen kan kun læses.</p>
      </Sidehoved>
      {kaedeOk === true ? (
        <p class="besked besked-ok" role="status">
          <span aria-hidden="true">✓ </span>Kæden er ubrudt: ingen post er ændret eller slettet.
        </p>
      ) : null}
      {kaedeOk === false ? (
        <p class="besked besked-fejl" role="alert">
          Kæden er brudt: loggen er ændret uden om sagsaudit. Kør <code>sagsaudit audit verify</code>.
        </p>
      ) : null}
      <Fejlboks fejl={fejl} />
      {poster.length > 0 ? (
        <div class="tabel-rul">
          <table class="tabel tabel-kompakt revision">
            <caption class="skjult">Revisionsspor</caption>
            <thead>
              <tr>
                <th scope="col" class="tal">Nr.</th>
                <th scope="col">Tid</th>
                <th scope="col">Hvem</th>
                <th scope="col">Handling</th>
                <th scope="col">Objekt</th>
                <th scope="col">Før → efter</th>
                <th scope="col">Detaljer</th>
              </tr>
            </thead>
            <tbody>
              {poster.map((p) => (
                <tr key={p.seq}>
                  <td class="tal">{p.seq}</td>
                  <td class="ingen-ombrydning">{tidspunkt(p.tid)}</td>
                  <td>{p.hvem}</td>
                  <td class="ingen-ombrydning">
                    <code>{p.handling}</code>
                  </td>
                  <td>
                    {p.objekt} {p.noegle}
                  </td>
                  <td>{p.gammel || p.ny ? `${p.gammel || '—'} → ${p.ny || '—'}` : ''}</td>
                  <td class="detaljer">
                    <Detaljer tekst={p.detaljer} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {henter ? <Indlaeser /> : null}
      {!henter && poster.length === 0 && !fejl ? <p>Loggen er tom.</p> : null}
      {flere && poster.length > 0 ? (
        <button type="button" class="knap" disabled={henter} onClick={() => void hent(poster[poster.length - 1].seq)}>
          Vis ældre poster
        </button>
      ) : null}
    </>
  );
}

/** Short details inline; long ones (JSON) folded, shown indented when opened. */
function Detaljer({ tekst }: { tekst?: string }) {
  if (!tekst || tekst === '{}') return null;
  if (tekst.length <= 70) return <code>{tekst}</code>;
  let smuk = tekst;
  try {
    smuk = JSON.stringify(JSON.parse(tekst), null, 2);
  } catch {
    // not JSON: as it is
  }
  return (
    <details>
      <summary>
        <code>{tekst.slice(0, 50)} …</code>
      </summary>
      <pre>{smuk}</pre>
    </details>
  );
}
