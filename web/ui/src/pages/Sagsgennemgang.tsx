// Sagsgennemgang: one sampled case, its facts (CPR masked) and the concept's controls grouped by
// category. Answers by keyboard (1–4, j/k and arrows), drafts saved automatically, submit, and a
// clear message when someone else changed the review in the meantime (409).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api, ApiFejl, fejltekst } from '../api';
import { useApp } from '../app';
import { Fejlboks, Indlaeser, Kvittering, Sidehoved } from '../components/ui';
import { dato, kategoriTekst, klokken, sagTilstandTekst, svarTekst } from '../format';
import { Link } from '../router';
import type { Kategori, Kontrol, Sagsgennemgang, Svar, SvarKode } from '../types';
import {
  kraeverKommentar,
  normaliserBeloeb,
  svarKoder,
  tomt,
  udkastFejl,
  visBeloeb,
  type Udkast,
} from '../regler.js';

const kategorier: Kategori[] = ['noeglekontrol', 'kvalitetsmaal', 'formalia'];
const redigerbar = new Set(['assigned', 'in_progress', 'returned']);

function fraSvar(s: Svar): Udkast {
  return {
    svar: s.svar,
    kommentar: s.kommentar ?? '',
    beloeb: visBeloeb(s.beloeb),
    fra: s.periode?.fra ?? '',
    til: s.periode?.til ?? '',
  };
}

function tilSvar(kontrol: Kontrol, u: Udkast): Svar {
  const s: Svar = { kontrol: kontrol.id, svar: u.svar as SvarKode };
  if (u.kommentar.trim()) s.kommentar = u.kommentar.trim();
  if (kontrol.refusion && u.svar === 'fejl') {
    const b = normaliserBeloeb(u.beloeb);
    s.beloeb = u.beloeb.trim() && b ? b : null;
    s.periode = u.fra && u.til ? { fra: u.fra, til: u.til } : null;
  }
  return s;
}

type Gemmestatus =
  | { slags: 'gemt'; tid: Date | null }
  | { slags: 'aendret' }
  | { slags: 'gemmer' }
  | { slags: 'fejl'; fejl: unknown }
  | { slags: 'konflikt'; fejl: unknown };

export function SagsgennemgangSide({ runde, sagsnummer }: { runde: string; sagsnummer: string }) {
  const { session, meta } = useApp();
  const sti = `/api/v1/rounds/${encodeURIComponent(runde)}/reviews/${encodeURIComponent(sagsnummer)}`;
  const [sag, setSag] = useState<Sagsgennemgang | null>(null);
  const [hentFejl, setHentFejl] = useState<unknown>(null);
  const [udkast, setUdkast] = useState<Record<string, Udkast>>({});
  const [status, setStatus] = useState<Gemmestatus>({ slags: 'gemt', tid: null });
  const [handlingFejl, setHandlingFejl] = useState<unknown>(null);
  const [kvittering, setKvittering] = useState('');
  const [visMangler, setVisMangler] = useState(false);
  const [begrundelse, setBegrundelse] = useState('');
  const versionRef = useRef(0);
  const udkastRef = useRef(udkast);
  udkastRef.current = udkast;
  const gemmerRef = useRef<Promise<boolean> | null>(null);
  const aendretRef = useRef(false);

  const hent = useCallback(async () => {
    setHentFejl(null);
    try {
      const s = await api<Sagsgennemgang>(sti);
      const u: Record<string, Udkast> = {};
      for (const k of s.kontroller) u[k.id] = { ...tomt };
      for (const sv of s.svar) u[sv.kontrol] = fraSvar(sv);
      versionRef.current = s.version;
      aendretRef.current = false;
      setSag(s);
      setUdkast(u);
      setStatus({ slags: 'gemt', tid: null });
    } catch (e) {
      setHentFejl(e);
    }
  }, [sti]);

  useEffect(() => {
    void hent();
  }, [hent]);

  const kanRette =
    !!sag &&
    redigerbar.has(sag.tilstand) &&
    (session.bruger.rolle === 'admin' ||
      (session.bruger.rolle === 'koordinator' && sag.koordinator === session.bruger.brugernavn));
  const kanGodkende =
    !!sag &&
    sag.tilstand === 'submitted' &&
    (session.bruger.rolle === 'admin' ||
      (session.bruger.rolle === 'leder' && session.bruger.centre.includes(sag.center)));

  /** Saves the answers that are complete; resolves false on an error. */
  const gem = useCallback(async (): Promise<boolean> => {
    if (!sag) return false;
    if (gemmerRef.current) await gemmerRef.current;
    if (!aendretRef.current) return true;
    const arbejde = (async () => {
      aendretRef.current = false;
      const u = udkastRef.current;
      const svar = sag.kontroller
        .filter((k) => u[k.id]?.svar && udkastFejl(u[k.id], k).length === 0)
        .map((k) => tilSvar(k, u[k.id]));
      setStatus({ slags: 'gemmer' });
      try {
        const r = await api<{ version: number; tilstand?: string }>(sti, {
          method: 'PUT',
          json: { version: versionRef.current, svar },
        });
        versionRef.current = r.version;
        setSag((s) =>
          s ? { ...s, version: r.version, tilstand: (r.tilstand as typeof s.tilstand) ?? s.tilstand } : s,
        );
        setStatus(aendretRef.current ? { slags: 'aendret' } : { slags: 'gemt', tid: new Date() });
        return true;
      } catch (e) {
        if (e instanceof ApiFejl && e.status === 409) setStatus({ slags: 'konflikt', fejl: e });
        else {
          aendretRef.current = true;
          setStatus({ slags: 'fejl', fejl: e });
        }
        return false;
      }
    })();
    gemmerRef.current = arbejde;
    try {
      return await arbejde;
    } finally {
      gemmerRef.current = null;
    }
  }, [sag, sti]);

  // Autosave: a moment after the last change.
  useEffect(() => {
    if (status.slags !== 'aendret') return;
    const t = window.setTimeout(() => void gem(), 1200);
    return () => window.clearTimeout(t);
  }, [udkast, status.slags, gem]);

  // Warn before leaving with unsaved answers.
  useEffect(() => {
    const f = (e: BeforeUnloadEvent) => {
      if (aendretRef.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', f);
    return () => window.removeEventListener('beforeunload', f);
  }, []);

  const ret = (id: string, aendring: Partial<Udkast>) => {
    if (!kanRette || status.slags === 'konflikt') return;
    aendretRef.current = true;
    setUdkast((u) => ({ ...u, [id]: { ...(u[id] ?? tomt), ...aendring } }));
    setStatus({ slags: 'aendret' });
    setKvittering('');
  };

  const listeRef = useRef<HTMLDivElement>(null);
  const fokusEfterRender = useRef<string | null>(null);
  useLayoutEffect(() => {
    if (!fokusEfterRender.current) return;
    document.getElementById(fokusEfterRender.current)?.focus();
    fokusEfterRender.current = null;
  });
  const raekkefoelge = sag
    ? kategorier.flatMap((kat) => sag.kontroller.filter((k) => k.kategori === kat))
    : [];

  const fokuser = (i: number) => {
    if (!listeRef.current || raekkefoelge.length === 0) return;
    const j = Math.max(0, Math.min(raekkefoelge.length - 1, i));
    const fs = listeRef.current.querySelector<HTMLElement>(`[data-nr="${j}"]`);
    if (!fs) return;
    const radio =
      fs.querySelector<HTMLInputElement>('input[type=radio]:checked') ??
      fs.querySelector<HTMLInputElement>('input[type=radio]');
    (radio ?? fs).focus();
    fs.scrollIntoView({ block: 'nearest' });
  };

  const tast = (e: KeyboardEvent) => {
    const m = e.target as HTMLElement;
    const fs = m.closest<HTMLElement>('[data-nr]');
    if (!fs || e.ctrlKey || e.metaKey || e.altKey) return;
    const nr = Number(fs.dataset.nr);
    const skrivefelt = m.tagName === 'TEXTAREA' || (m.tagName === 'INPUT' && (m as HTMLInputElement).type !== 'radio');
    if (skrivefelt) {
      if (e.key === 'Escape') {
        e.preventDefault();
        fokuser(nr);
      }
      return;
    }
    const kontrol = raekkefoelge[nr];
    if (['1', '2', '3', '4'].includes(e.key) && kontrol) {
      e.preventDefault();
      const svar = svarKoder[Number(e.key) - 1];
      ret(kontrol.id, { svar });
      // Focus moves at once (not after a timer), so fast typing never lands on the old control;
      // the comment field appears with the answer, so it gets focus right after that render.
      if (kraeverKommentar(svar)) fokusEfterRender.current = `kontrol-${kontrol.id}-kommentar`;
      else fokuser(nr + 1);
    } else if (e.key === 'j' || e.key === 'ArrowDown') {
      e.preventDefault();
      fokuser(nr + 1);
    } else if (e.key === 'k' || e.key === 'ArrowUp') {
      e.preventDefault();
      fokuser(nr - 1);
    }
  };

  // j/k from anywhere on the page that is not a field start at the first control.
  useEffect(() => {
    const f = (e: KeyboardEvent) => {
      const a = document.activeElement as HTMLElement | null;
      if (a && a.closest('[data-nr], input, textarea, select, button, a')) return;
      if (e.key === 'j' || e.key === 'k') {
        e.preventDefault();
        fokuser(0);
      }
    };
    document.addEventListener('keydown', f);
    return () => document.removeEventListener('keydown', f);
  });

  const mangler = sag
    ? raekkefoelge.flatMap((k) => {
        const u = udkast[k.id] ?? tomt;
        if (!u.svar) return [{ k, tekst: 'mangler svar' }];
        return udkastFejl(u, k).map((t) => ({ k, tekst: t }));
      })
    : [];

  const indsend = async () => {
    setHandlingFejl(null);
    setVisMangler(true);
    if (mangler.length > 0) {
      window.setTimeout(() => document.getElementById('mangler')?.focus(), 0);
      return;
    }
    if (!(await gem())) return;
    try {
      const r = await api<{ version: number; tilstand: string }>(`${sti}/submit`, {
        method: 'POST',
        json: { version: versionRef.current },
      });
      versionRef.current = r.version;
      setSag((s) => (s ? { ...s, version: r.version, tilstand: (r.tilstand as typeof s.tilstand) ?? 'submitted' } : s));
      setVisMangler(false);
      setKvittering('Sagen er indsendt. Tak for gennemgangen.');
    } catch (e) {
      if (e instanceof ApiFejl && e.status === 409) setStatus({ slags: 'konflikt', fejl: e });
      else setHandlingFejl(e);
    }
  };

  const skridt = async (hvad: 'approve' | 'return') => {
    setHandlingFejl(null);
    try {
      const body: Record<string, unknown> = { version: versionRef.current };
      if (hvad === 'return') body.begrundelse = begrundelse.trim();
      const r = await api<{ version: number; tilstand: string }>(`${sti}/${hvad}`, {
        method: 'POST',
        json: body,
      });
      versionRef.current = r.version;
      setSag((s) => (s ? { ...s, version: r.version, tilstand: r.tilstand as typeof s.tilstand } : s));
      setKvittering(hvad === 'approve' ? 'Sagen er godkendt.' : 'Sagen er sendt tilbage til koordinatoren.');
    } catch (e) {
      if (e instanceof ApiFejl && e.status === 409) setStatus({ slags: 'konflikt', fejl: e });
      else setHandlingFejl(e);
    }
  };

  if (hentFejl)
    return (
      <>
        <Sidehoved titel={`Sag ${sagsnummer}`} />
        <Fejlboks fejl={hentFejl} />
        <p>
          <Link href="/sager">Tilbage til Mine sager</Link>
        </p>
      </>
    );
  if (!sag) return <Indlaeser />;

  const ydelse = meta.ydelsestyper.find((y) => runde.startsWith(y.kode))?.navn;
  const center = meta.centre.find((c) => c.kode === sag.center)?.navn ?? sag.center;
  const besvaret = raekkefoelge.filter((k) => udkast[k.id]?.svar).length;
  let nr = -1;

  return (
    <>
      <p class="broedkrumme">
        {session.bruger.rolle === 'koordinator' ? (
          <Link href="/sager">Mine sager</Link>
        ) : session.bruger.rolle === 'leder' ? (
          <Link href="/godkendelse">Til godkendelse</Link>
        ) : (
          <Link href={`/rapport/center?center=${encodeURIComponent(sag.center)}`}>Centerrapport</Link>
        )}{' '}
        › Sag {sag.sagsnummer}
      </p>
      <Sidehoved titel={`Sagsgennemgang: sag ${sag.sagsnummer}`}>
        <p class="hjaelp">
          {ydelse ? `${ydelse}, ` : ''}runde {sag.runde}
        </p>
      </Sidehoved>

      <section aria-labelledby="fakta-titel" class="kort">
        <h2 id="fakta-titel">Sagens oplysninger</h2>
        <dl class="fakta">
          <div>
            <dt>Sagsnummer</dt>
            <dd>{sag.sagsnummer}</dd>
          </div>
          <div>
            <dt>CPR-nummer</dt>
            <dd>
              <span class="cpr">{sag.cpr_maskeret}</span>
            </dd>
          </div>
          <div>
            <dt>Center</dt>
            <dd>{center}</dd>
          </div>
          <div>
            <dt>Sagsbehandler</dt>
            <dd>{sag.sagsbehandler || '—'}</dd>
          </div>
          <div>
            <dt>Afgørelsesdato</dt>
            <dd>{dato(sag.afgoerelsesdato)}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <span class={`status status-${sag.tilstand}`}>
                {sagTilstandTekst[sag.tilstand] ?? sag.tilstand_tekst ?? sag.tilstand}
              </span>
            </dd>
          </div>
          <div>
            <dt>Koordinator</dt>
            <dd>{sag.koordinator || '—'}</dd>
          </div>
          {sag.frist ? (
            <div>
              <dt>Frist</dt>
              <dd>{dato(sag.frist)}</dd>
            </div>
          ) : null}
          {Object.entries(sag.attributter ?? {}).map(([k, v]) => (
            <div key={k}>
              <dt>{(k.charAt(0).toUpperCase() + k.slice(1)).replace(/_/g, ' ')}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        {sag.returneret_begrundelse ? (
          <div class="besked besked-advarsel">
            <strong>Sendt tilbage af lederen:</strong> {sag.returneret_begrundelse}
          </div>
        ) : null}
      </section>

      {kanRette ? (
        <details class="genveje">
          <summary>Tastaturgenveje</summary>
          <ul>
            <li>
              <kbd>1</kbd> korrekt, <kbd>2</kbd> fejl, <kbd>3</kbd> ikke relevant, <kbd>4</kbd> kan
              ikke vurderes (på den valgte kontrol)
            </li>
            <li>
              <kbd>j</kbd>/<kbd>↓</kbd> næste kontrol, <kbd>k</kbd>/<kbd>↑</kbd> forrige kontrol
            </li>
            <li>
              <kbd>Esc</kbd> fra et tekstfelt tilbage til kontrollen; <kbd>Tab</kbd> går videre
            </li>
            <li>Svarene gemmes automatisk som kladde.</li>
          </ul>
        </details>
      ) : null}

      <div class="statuslinje" aria-live="polite">
        <span>
          {besvaret} af {raekkefoelge.length} kontroller besvaret
        </span>
        {kanRette ? <GemStatus status={status} /> : <span class="gemt">Kun læsning</span>}
      </div>

      {status.slags === 'konflikt' ? (
        <div class="besked besked-fejl" role="alert">
          <strong>Sagen er ændret af en anden.</strong> {fejltekst(status.fejl)}{' '}
          Dine seneste ændringer er ikke gemt.{' '}
          <button type="button" class="knap" onClick={() => void hent()}>
            Hent sagen igen
          </button>
        </div>
      ) : null}

      <div ref={listeRef} onKeyDown={tast} class="kontroller">
        {kategorier.map((kat) => {
          const liste = sag.kontroller.filter((k) => k.kategori === kat);
          if (liste.length === 0) return null;
          return (
            <section key={kat} aria-labelledby={`kat-${kat}`}>
              <h2 id={`kat-${kat}`}>
                {kategoriTekst[kat]} <span class="antal">({liste.length})</span>
              </h2>
              {liste.map((k) => {
                nr += 1;
                return (
                  <KontrolFelt
                    key={k.id}
                    nr={nr}
                    kontrol={k}
                    u={udkast[k.id] ?? tomt}
                    laast={!kanRette || status.slags === 'konflikt'}
                    visFejl={visMangler}
                    ret={(a) => ret(k.id, a)}
                  />
                );
              })}
            </section>
          );
        })}
      </div>

      {visMangler && mangler.length > 0 ? (
        <div class="besked besked-fejl" id="mangler" tabIndex={-1} role="alert">
          <strong>Sagen kan ikke indsendes endnu:</strong>
          <ul>
            {mangler.map((m, i) => (
              <li key={i}>
                <a href={`#kontrol-${m.k.id}`}>
                  {m.k.id}
                </a>
                : {m.tekst}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Fejlboks fejl={handlingFejl} />
      {kvittering ? (
        <Kvittering>
          {kvittering} <Link href="/sager">Tilbage til Mine sager</Link>
        </Kvittering>
      ) : null}

      {kanRette ? (
        <div class="handlinger">
          <button type="button" class="knap knap-primaer" onClick={() => void indsend()}>
            Indsend gennemgangen
          </button>
          <button type="button" class="knap" onClick={() => void gem()} disabled={status.slags === 'konflikt'}>
            Gem kladde nu
          </button>
        </div>
      ) : null}

      {kanGodkende ? (
        <section class="kort" aria-labelledby="godkend-titel">
          <h2 id="godkend-titel">Godkend eller send tilbage</h2>
          <div class="handlinger">
            <button type="button" class="knap knap-primaer" onClick={() => void skridt('approve')}>
              Godkend
            </button>
          </div>
          <div class="felt">
            <label for="begrundelse">Begrundelse for at sende tilbage</label>
            <textarea
              id="begrundelse"
              rows={2}
              value={begrundelse}
              onInput={(e) => setBegrundelse(e.currentTarget.value)}
            />
          </div>
          <button
            type="button"
            class="knap"
            disabled={!begrundelse.trim()}
            onClick={() => void skridt('return')}
          >
            Send tilbage til koordinatoren
          </button>
        </section>
      ) : null}
    </>
  );
}

function GemStatus({ status }: { status: Gemmestatus }) {
  switch (status.slags) {
    case 'gemt':
      return (
        <span class="gemt" data-gemt="ja">
          <span aria-hidden="true">✓ </span>
          {status.tid ? `Gemt kl. ${klokken(status.tid)}` : 'Gemt'}
        </span>
      );
    case 'aendret':
      return <span class="gemt gemt-aendret">Ændringer ikke gemt endnu …</span>;
    case 'gemmer':
      return <span class="gemt gemt-aendret">Gemmer …</span>;
    case 'fejl':
      return (
        <span class="gemt gemt-fejl">
          Ikke gemt: {fejltekst(status.fejl)}
        </span>
      );
    case 'konflikt':
      return <span class="gemt gemt-fejl">Ikke gemt: sagen er ændret af en anden</span>;
  }
}

function KontrolFelt({
  nr,
  kontrol,
  u,
  laast,
  visFejl,
  ret,
}: {
  nr: number;
  kontrol: Kontrol;
  u: Udkast;
  laast: boolean;
  visFejl: boolean;
  ret: (a: Partial<Udkast>) => void;
}) {
  const id = `kontrol-${kontrol.id}`;
  const problemer = udkastFejl(u, kontrol);
  const vis = problemer.length > 0 && (visFejl || (kraeverKommentar(u.svar) && u.kommentar !== '') || u.beloeb !== '' || !!u.fra || !!u.til);
  const kommentarKraevet = kraeverKommentar(u.svar);
  return (
    <fieldset id={id} class={`kontrol svar-${u.svar || 'intet'}`} data-nr={nr} data-kontrol={kontrol.id}>
      <legend>
        <span class="kontrol-id">{kontrol.id}</span> {kontrol.tekst}
        {kontrol.refusion ? <span class="maerke maerke-refusion">Refusion</span> : null}
      </legend>
      {kontrol.vejledning ? <p class="vejledning">{kontrol.vejledning}</p> : null}
      {kontrol.hjemmel ? <p class="hjemmel">Hjemmel: {kontrol.hjemmel}</p> : null}
      <div class="svarvalg">
        {svarKoder.map((s, i) => (
          <label key={s} class={`valg valg-${s}`}>
            <input
              type="radio"
              name={`svar-${kontrol.id}`}
              value={s}
              checked={u.svar === s}
              disabled={laast}
              onChange={() => ret({ svar: s })}
            />
            <kbd aria-hidden="true">{i + 1}</kbd> {svarTekst[s]}
          </label>
        ))}
      </div>
      {u.svar ? (
        <div class="felt">
          <label for={`${id}-kommentar`}>
            Kommentar{kommentarKraevet ? ' (påkrævet)' : ' (valgfri)'}
          </label>
          <textarea
            id={`${id}-kommentar`}
            rows={2}
            value={u.kommentar}
            readOnly={laast}
            required={kommentarKraevet}
            aria-invalid={vis && kommentarKraevet && !u.kommentar.trim() ? 'true' : undefined}
            aria-describedby={vis ? `${id}-fejl` : undefined}
            onInput={(e) => ret({ kommentar: e.currentTarget.value })}
          />
        </div>
      ) : null}
      {kontrol.refusion && u.svar === 'fejl' ? (
        <div class="refusion">
          <div class="felt">
            <label for={`${id}-beloeb`}>Beløb med refusionsbetydning (kr.)</label>
            <input
              id={`${id}-beloeb`}
              inputMode="decimal"
              value={u.beloeb}
              readOnly={laast}
              placeholder="fx 1.234,50"
              onInput={(e) => ret({ beloeb: e.currentTarget.value })}
            />
          </div>
          <div class="felt">
            <label for={`${id}-fra`}>Periode fra</label>
            <input
              id={`${id}-fra`}
              type="date"
              value={u.fra}
              readOnly={laast}
              onInput={(e) => ret({ fra: e.currentTarget.value })}
            />
          </div>
          <div class="felt">
            <label for={`${id}-til`}>Periode til</label>
            <input
              id={`${id}-til`}
              type="date"
              value={u.til}
              readOnly={laast}
              onInput={(e) => ret({ til: e.currentTarget.value })}
            />
          </div>
        </div>
      ) : null}
      {vis ? (
        <ul class="feltfejl" id={`${id}-fejl`}>
          {problemer.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
