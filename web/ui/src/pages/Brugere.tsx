// Brugere (admin): every user, add one, disable/enable, set a new password.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { useApp } from '../app';
import { Fejlboks, Indlaeser, Kvittering, Sidehoved, useData } from '../components/ui';
import { rolleTekst } from '../format';
import type { BrugerFuld, Rolle } from '../types';

const roller: Rolle[] = ['koordinator', 'leder', 'revisor', 'admin'];

export function BrugereSide() {
  const { meta } = useApp();
  const { data, fejl, henter, hent } = useData(() => api<{ brugere: BrugerFuld[] }>('/api/v1/users'), []);
  const [handlingFejl, setHandlingFejl] = useState<unknown>(null);
  const [kvittering, setKvittering] = useState('');
  const [kodeFor, setKodeFor] = useState<string | null>(null);
  const [nyKode, setNyKode] = useState('');
  const centerNavn = (k: string) => meta.centre.find((c) => c.kode === k)?.navn ?? k;

  const udfoer = async (f: () => Promise<string>) => {
    setHandlingFejl(null);
    setKvittering('');
    try {
      setKvittering(await f());
      await hent();
    } catch (e) {
      setHandlingFejl(e);
    }
  };

  const skiftAktiv = (b: BrugerFuld) =>
    udfoer(async () => {
      await api(`/api/v1/users/${encodeURIComponent(b.brugernavn)}`, {
        method: 'PATCH',
        json: { aktiv: !b.aktiv },
      });
      return b.aktiv ? `${b.navn} er deaktiveret.` : `${b.navn} er aktiveret igen.`;
    });

  const saetKode = (e: Event) => {
    e.preventDefault();
    const navn = kodeFor;
    if (!navn) return;
    void udfoer(async () => {
      await api(`/api/v1/users/${encodeURIComponent(navn)}`, { method: 'PATCH', json: { adgangskode: nyKode } });
      setKodeFor(null);
      setNyKode('');
      return `Ny adgangskode er sat for ${navn}.`;
    });
  };

  return (
    <>
      <Sidehoved titel="Brugere">
        <p class="hjaelp">Lokale brugere og deres roller. Kun administratorer ser denne side.</p>
      </Sidehoved>
      <Fejlboks fejl={fejl} />
      <Fejlboks fejl={handlingFejl} />
      {kvittering ? <Kvittering>{kvittering}</Kvittering> : null}
      {henter && !data ? <Indlaeser /> : null}
      {data ? (
        <div class="tabel-rul">
          <table class="tabel">
            <caption class="skjult">Brugere</caption>
            <thead>
              <tr>
                <th scope="col">Brugernavn</th>
                <th scope="col">Navn</th>
                <th scope="col">Rolle</th>
                <th scope="col">Centre</th>
                <th scope="col">Status</th>
                <th scope="col">Handlinger</th>
              </tr>
            </thead>
            <tbody>
              {data.brugere.map((b) => (
                <tr key={b.brugernavn} class={b.aktiv ? '' : 'raekke-inaktiv'}>
                  <th scope="row">{b.brugernavn}</th>
                  <td>{b.navn}</td>
                  <td>{rolleTekst[b.rolle] ?? b.rolle}</td>
                  <td>{b.centre.map(centerNavn).join(', ') || '—'}</td>
                  <td>
                    {b.aktiv ? 'Aktiv' : 'Deaktiveret'}
                    {b.har_adgangskode ? '' : ' · ingen adgangskode'}
                  </td>
                  <td class="knapper">
                    <button type="button" class="knap knap-lille" onClick={() => void skiftAktiv(b)}>
                      {b.aktiv ? 'Deaktivér' : 'Aktivér'}
                      <span class="skjult"> {b.brugernavn}</span>
                    </button>
                    <button
                      type="button"
                      class="knap knap-lille"
                      aria-expanded={kodeFor === b.brugernavn}
                      onClick={() => {
                        setKodeFor(kodeFor === b.brugernavn ? null : b.brugernavn);
                        setNyKode('');
                      }}
                    >
                      Sæt adgangskode<span class="skjult"> for {b.brugernavn}</span>
                    </button>
                    {kodeFor === b.brugernavn ? (
                      <form class="inline-form" onSubmit={saetKode}>
                        <label for="ny-kode">Ny adgangskode for {b.brugernavn} (mindst 8 tegn)</label>
                        <input
                          id="ny-kode"
                          type="password"
                          autocomplete="new-password"
                          minLength={8}
                          value={nyKode}
                          onInput={(e) => setNyKode(e.currentTarget.value)}
                        />
                        <button type="submit" class="knap knap-lille knap-primaer">
                          Gem adgangskode
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <NyBruger naarTilfoejet={async (navn) => {
        setKvittering(`Brugeren ${navn} er oprettet.`);
        await hent();
      }} />
    </>
  );
}

function NyBruger({ naarTilfoejet }: { naarTilfoejet: (navn: string) => Promise<void> }) {
  const { meta } = useApp();
  const [brugernavn, setBrugernavn] = useState('');
  const [navn, setNavn] = useState('');
  const [rolle, setRolle] = useState<Rolle>('koordinator');
  const [centre, setCentre] = useState<string[]>([]);
  const [kode, setKode] = useState('');
  const [fejl, setFejl] = useState<unknown>(null);

  const send = async (e: Event) => {
    e.preventDefault();
    setFejl(null);
    try {
      await api('/api/v1/users', {
        method: 'POST',
        json: { brugernavn: brugernavn.trim(), navn: navn.trim(), rolle, centre, adgangskode: kode },
      });
      const n = brugernavn.trim();
      setBrugernavn('');
      setNavn('');
      setCentre([]);
      setKode('');
      await naarTilfoejet(n);
    } catch (err) {
      setFejl(err);
    }
  };

  return (
    <section class="kort" aria-labelledby="ny-bruger">
      <h2 id="ny-bruger">Opret bruger</h2>
      <form onSubmit={send} class="formular">
        <div class="felt">
          <label for="nb-brugernavn">Brugernavn</label>
          <input id="nb-brugernavn" required value={brugernavn} autocomplete="off" onInput={(e) => setBrugernavn(e.currentTarget.value)} />
        </div>
        <div class="felt">
          <label for="nb-navn">Navn</label>
          <input id="nb-navn" required value={navn} onInput={(e) => setNavn(e.currentTarget.value)} />
        </div>
        <div class="felt">
          <label for="nb-rolle">Rolle</label>
          <select id="nb-rolle" value={rolle} onChange={(e) => setRolle(e.currentTarget.value as Rolle)}>
            {roller.map((r) => (
              <option key={r} value={r}>
                {rolleTekst[r]}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="felt centervalg">
          <legend>Centre</legend>
          {meta.centre.map((c) => (
            <label key={c.kode} class="afkryds">
              <input
                type="checkbox"
                checked={centre.includes(c.kode)}
                onChange={(e) =>
                  setCentre(e.currentTarget.checked ? [...centre, c.kode] : centre.filter((x) => x !== c.kode))
                }
              />{' '}
              {c.navn}
            </label>
          ))}
        </fieldset>
        <div class="felt">
          <label for="nb-kode">Adgangskode (mindst 8 tegn)</label>
          <input id="nb-kode" type="password" required minLength={8} autocomplete="new-password" value={kode} onInput={(e) => setKode(e.currentTarget.value)} />
        </div>
        <Fejlboks fejl={fejl} />
        <button type="submit" class="knap knap-primaer">
          Opret bruger
        </button>
      </form>
    </section>
  );
}
