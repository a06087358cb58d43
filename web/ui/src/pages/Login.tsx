import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { Fejlboks } from '../components/ui';
import type { Session } from '../types';

export function LoginSide({ onLogin }: { onLogin: (s: Session) => Promise<void> }) {
  const [brugernavn, setBrugernavn] = useState('');
  const [adgangskode, setAdgangskode] = useState('');
  const [fejl, setFejl] = useState<unknown>(null);
  const [sender, setSender] = useState(false);

  useEffect(() => {
    document.title = 'Log ind – sagsaudit';
  }, []);

  const send = async (e: Event) => {
    e.preventDefault();
    setSender(true);
    setFejl(null);
    try {
      const s = await api<Session>('/api/v1/session', {
        method: 'POST',
        json: { brugernavn, adgangskode },
        login: true,
      });
      await onLogin(s);
    } catch (err) {
      setFejl(err);
      setSender(false);
    }
  };

  return (
    <main id="indhold" class="login">
      <div class="login-kort">
        <p class="logo">sagsaudit</p>
        <h1 id="sidetitel">Log ind</h1>
        <p class="hjaelp">Kvalitetssikring af sagsbehandlingen – sagsgennemgang og trafiklys.</p>
        <form onSubmit={send} noValidate>
          <div class="felt">
            <label for="brugernavn">Brugernavn</label>
            <input
              id="brugernavn"
              name="brugernavn"
              autocomplete="username"
              required
              value={brugernavn}
              onInput={(e) => setBrugernavn(e.currentTarget.value)}
            />
          </div>
          <div class="felt">
            <label for="adgangskode">Adgangskode</label>
            <input
              id="adgangskode"
              name="adgangskode"
              type="password"
              autocomplete="current-password"
              required
              value={adgangskode}
              onInput={(e) => setAdgangskode(e.currentTarget.value)}
            />
          </div>
          <Fejlboks fejl={fejl} />
          <button type="submit" class="knap knap-primaer" disabled={sender}>
            {sender ? 'Logger ind …' : 'Log ind'}
          </button>
        </form>
      </div>
    </main>
  );
}
