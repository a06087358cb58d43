// Notifikationer: what the system has told the logged-in user (new assignments, deadlines,
// returned reviews), newest first.
import { api } from '../api';
import { Fejlboks, Indlaeser, Sidehoved, useData } from '../components/ui';
import { tidspunkt } from '../format';

export interface Notifikation {
  id: number;
  tid: string;
  tekst: string;
  laest: boolean;
}

export function hentNotifikationer() {
  return api<{ notifikationer: Notifikation[] }>('/api/v1/notifications');
}

export function NotifikationerSide() {
  const { data, fejl, henter } = useData(hentNotifikationer, []);
  return (
    <>
      <Sidehoved titel="Notifikationer">
        <p class="hjaelp">Beskeder til dig fra sagsaudit, nyeste først.</p>
      </Sidehoved>
      <Fejlboks fejl={fejl} />
      {henter && !data ? <Indlaeser /> : null}
      {data && data.notifikationer.length === 0 ? <p>Du har ingen notifikationer.</p> : null}
      {data && data.notifikationer.length > 0 ? (
        <ul class="notifikationer">
          {data.notifikationer.map((n) => (
            <li key={n.id} class={n.laest ? '' : 'ulaest'}>
              <span class="tid">{tidspunkt(n.tid)}</span>
              {n.laest ? null : <span class="maerke maerke-ny">Ny</span>}
              <span>{n.tekst}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
