// The application shell: session, the role's navigation, landmarks and the page for the path.
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { api, naarUdlogget, saetCsrf } from './api';
import { rolleTekst } from './format';
import { Link, naviger, useSted } from './router';
import type { Meta, Rolle, Session } from './types';
import { Indlaeser } from './components/ui';
import { LoginSide } from './pages/Login';
import { MineSagerSide } from './pages/MineSager';
import { SagsgennemgangSide } from './pages/Sagsgennemgang';
import { RunderSide } from './pages/Runder';
import { CenterrapportSide } from './pages/Centerrapport';
import { RevisorsammenligningSide } from './pages/Revisorsammenligning';
import { OverblikSide } from './pages/Overblik';
import { BrugereSide } from './pages/Brugere';
import { RevisionssporSide } from './pages/Revisionsspor';
import { GodkendelseSide } from './pages/Godkendelse';
import { OpfoelgningSide } from './pages/Opfoelgning'; // issue 8
import { hentNotifikationer, NotifikationerSide, vedNotifikationerAendret } from './pages/Notifikationer';

export interface AppKontekst {
  session: Session;
  meta: Meta;
}

export const Kontekst = createContext<AppKontekst | null>(null);

export function useApp(): AppKontekst {
  const k = useContext(Kontekst);
  if (!k) throw new Error('useApp uden for app');
  return k;
}

interface Menupunkt {
  sti: string;
  tekst: string;
  roller: Rolle[];
}

/** What each role may use; the server checks the same again on every request. */
export const menu: Menupunkt[] = [
  { sti: '/sager', tekst: 'Mine sager', roller: ['koordinator'] },
  { sti: '/runder', tekst: 'Runder', roller: ['admin', 'revisor'] },
  { sti: '/rapport/overblik', tekst: 'Overblik', roller: ['admin', 'revisor'] },
  { sti: '/rapport/center', tekst: 'Centerrapport', roller: ['admin', 'revisor', 'leder'] },
  { sti: '/rapport/revisor', tekst: 'Revisorsammenligning', roller: ['admin', 'revisor'] },
  { sti: '/godkendelse', tekst: 'Til godkendelse', roller: ['leder', 'admin'] },
  { sti: '/opfoelgning', tekst: 'Opfølgning', roller: ['admin', 'revisor', 'leder'] }, // issue 8
  { sti: '/brugere', tekst: 'Brugere', roller: ['admin'] },
  { sti: '/revisionsspor', tekst: 'Revisionsspor', roller: ['admin', 'revisor'] },
];

export function startside(rolle: Rolle): string {
  if (rolle === 'leder') return '/rapport/center'; // the leder's own center first
  return menu.find((m) => m.roller.includes(rolle))?.sti ?? '/';
}

function tilladt(sti: string, rolle: Rolle): boolean {
  if (sti.startsWith('/sager/')) return true; // the server decides per case
  if (sti === '/notifikationer') return true;
  const punkt = menu.find((m) => m.sti === sti);
  return punkt ? punkt.roller.includes(rolle) : false;
}

function Side({ sti }: { sti: string }) {
  const sag = /^\/sager\/([^/]+)\/([^/]+)$/.exec(sti);
  if (sag)
    return (
      <SagsgennemgangSide runde={decodeURIComponent(sag[1])} sagsnummer={decodeURIComponent(sag[2])} />
    );
  switch (sti) {
    case '/sager':
      return <MineSagerSide />;
    case '/runder':
      return <RunderSide />;
    case '/rapport/overblik':
      return <OverblikSide />;
    case '/rapport/center':
      return <CenterrapportSide />;
    case '/rapport/revisor':
      return <RevisorsammenligningSide />;
    case '/brugere':
      return <BrugereSide />;
    case '/revisionsspor':
      return <RevisionssporSide />;
    case '/godkendelse':
      return <GodkendelseSide />;
    case '/opfoelgning':
      return <OpfoelgningSide />;
    case '/notifikationer':
      return <NotifikationerSide />;
    default:
      return null;
  }
}

export function App() {
  const sted = useSted();
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  const [meta, setMeta] = useState<Meta | null>(null);
  const [notifikationer, setNotifikationer] = useState<number | null>(null);

  // The unread count in the header, fetched on login, on each page change and when one is
  // marked read.
  useEffect(() => {
    if (!session) return;
    const hent = () =>
      hentNotifikationer()
        .then((r) => setNotifikationer(r.notifikationer.filter((n) => !n.laest).length))
        .catch(() => setNotifikationer(null));
    void hent();
    return vedNotifikationerAendret(hent);
  }, [session, sted.sti]);

  const logInd = async (s: Session) => {
    saetCsrf(s.csrf);
    setMeta(await api<Meta>('/api/v1/meta'));
    setSession(s);
  };

  useEffect(() => {
    naarUdlogget(() => {
      saetCsrf('');
      setSession(null);
    });
    api<Session>('/api/v1/session', { login: true })
      .then(logInd)
      .catch(() => setSession(null));
  }, []);

  // On a move to another page (not on the first load, not on a filter change) focus goes to the
  // new page's heading, or to the main content while it loads, so keyboard and screen reader
  // users start there instead of on the link they left.
  const forrigeSti = useRef(sted.sti);
  useEffect(() => {
    if (forrigeSti.current === sted.sti) return;
    forrigeSti.current = sted.sti;
    window.setTimeout(() => {
      const maal = document.getElementById('sidetitel') ?? document.getElementById('indhold');
      maal?.focus();
    }, 0);
  }, [sted.sti]);

  if (session === undefined) return <Indlaeser tekst="Starter …" />;

  if (session === null || !meta) {
    if (sted.sti !== '/login') {
      // back to the page asked for after the login (a bookmark, or a session that ended)
      const her = `${location.pathname}${location.search}`;
      history.replaceState(null, '', sted.sti === '/' ? '/login' : `/login?til=${encodeURIComponent(her)}`);
    }
    return (
      <LoginSide
        onLogin={async (s) => {
          await logInd(s);
          const naeste = new URLSearchParams(location.search).get('til');
          naviger(
            naeste && naeste.startsWith('/') && !naeste.startsWith('//') ? naeste : startside(s.bruger.rolle),
            true,
          );
        }}
      />
    );
  }

  const rolle = session.bruger.rolle;
  let sti = sted.sti;
  if (sti === '/' || sti === '/login') {
    sti = startside(rolle);
    history.replaceState(null, '', sti);
  }
  const logUd = async () => {
    try {
      await api('/api/v1/session', { method: 'DELETE' });
    } catch {
      // the session may already be gone
    }
    saetCsrf('');
    setSession(null);
    setMeta(null);
    history.replaceState(null, '', '/login');
  };

  const punkter = menu.filter((m) => m.roller.includes(rolle));
  const ulaeste = notifikationer ?? 0;
  return (
    <Kontekst.Provider value={{ session, meta }}>
      <a class="spring-over" href="#indhold">
        Gå til indhold
      </a>
      <header class="top">
        <div class="top-indre">
          <span class="logo">sagsaudit</span>
          <nav aria-label="Hovedmenu">
            <ul>
              {punkter.map((m) => (
                <li key={m.sti}>
                  <Link
                    href={m.sti}
                    aria-current={sti === m.sti || sti.startsWith(`${m.sti}/`) ? 'page' : undefined}
                  >
                    {m.tekst}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div class="bruger">
            <span class="bruger-navn">
              {session.bruger.navn} <span class="rolle">({rolleTekst[rolle] ?? rolle})</span>
            </span>
            <Link
              href="/notifikationer"
              class="notifikationslink"
              aria-current={sti === '/notifikationer' ? 'page' : undefined}
            >
              Notifikationer{ulaeste > 0 ? ` (${ulaeste} nye)` : ''}
            </Link>
            <button type="button" class="knap knap-lille" onClick={logUd}>
              Log ud
            </button>
          </div>
        </div>
      </header>
      <main id="indhold" tabIndex={-1}>
        {tilladt(sti, rolle) ? (
          <Side sti={sti} />
        ) : (
          <div>
            <h1 id="sidetitel" tabIndex={-1}>
              Siden findes ikke
            </h1>
            <p>
              Siden findes ikke, eller din rolle giver ikke adgang til den.{' '}
              <Link href={startside(rolle)}>Gå til forsiden</Link>.
            </p>
          </div>
        )}
      </main>
    </Kontekst.Provider>
  );
}
