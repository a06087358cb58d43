// Notifikationer: what the system has told the logged-in user (new assignments, deadlines,
// returned reviews), newest first. An unread one can be marked read, for this user alone (a
// notification to a role stays unread for its other users); the header's count follows.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { Fejlboks, Indlaeser, Kvittering, Sidehoved, useData } from '../components/ui';
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

const aendretHaendelse = 'sagsaudit:notifikationer';

/** Calls `f` whenever a notification was marked read (the header's unread count); returns the unsubscribe. */
export function vedNotifikationerAendret(f: () => void): () => void {
  window.addEventListener(aendretHaendelse, f);
  return () => window.removeEventListener(aendretHaendelse, f);
}

export function NotifikationerSide() {
  const { data, fejl, henter, hent } = useData(hentNotifikationer, []);
  const [markerFejl, setMarkerFejl] = useState<unknown>(null);
  const [kvittering, setKvittering] = useState('');

  const markerLaest = async (n: Notifikation) => {
    setMarkerFejl(null);
    setKvittering('');
    try {
      await api(`/api/v1/notifications/${n.id}/read`, { method: 'POST' });
      await hent();
      window.dispatchEvent(new Event(aendretHaendelse));
      setKvittering('Notifikationen er markeret som læst.');
    } catch (e) {
      setMarkerFejl(e);
    }
  };

  return (
    <>
      <Sidehoved titel="Notifikationer">
        <p class="hjaelp">Beskeder til dig fra sagsaudit, nyeste først.</p>
      </Sidehoved>
      <Fejlboks fejl={fejl} />
      <Fejlboks fejl={markerFejl} />
      {kvittering ? <Kvittering>{kvittering}</Kvittering> : null}
      {henter && !data ? <Indlaeser /> : null}
      {data && data.notifikationer.length === 0 ? <p>Du har ingen notifikationer.</p> : null}
      {data && data.notifikationer.length > 0 ? (
        <ul class="notifikationer">
          {data.notifikationer.map((n) => (
            <li key={n.id} class={n.laest ? '' : 'ulaest'}>
              <span class="tid">{tidspunkt(n.tid)}</span>
              {n.laest ? null : <span class="maerke maerke-ny">Ny</span>}
              <span class="notifikation-tekst">{n.tekst}</span>
              {n.laest ? null : (
                <button type="button" class="knap knap-lille" onClick={() => markerLaest(n)}>
                  Markér som læst<span class="skjult"> ({n.tekst})</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
