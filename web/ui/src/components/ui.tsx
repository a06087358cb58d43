// Small shared pieces: the traffic light (colour and word), error and status messages,
// a loading line, and a hook that loads data from the API.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiFejl, fejltekst } from '../api';
import { lysKlasse, lysTekst, procent } from '../format';
import type { Procent, Trafiklys } from '../types';

export function Lys({ lys }: { lys: Trafiklys | undefined }) {
  const klasse = lys ? (lysKlasse[lys] ?? 'lys-ingen') : 'lys-ingen';
  return (
    <span class={`lys ${klasse}`}>
      <span class="lys-prik" aria-hidden="true" />
      {lysTekst(lys)}
    </span>
  );
}

/** Percent with its light; '*' when the sample is too small to tell green from yellow. */
export function ProcentLys({ p }: { p: Procent | undefined }) {
  if (!p || p.procent === null || p.procent === undefined) return <Lys lys={null} />;
  return (
    <span class="procent-lys">
      <span class="tal">
        {procent(p.procent)}
        {p.for_faa_til_at_skelne ? (
          <abbr title="For få svar til at skelne grøn fra gul">*</abbr>
        ) : null}
      </span>{' '}
      <Lys lys={p.trafiklys ?? null} />
    </span>
  );
}

// Line 0 means the problem has no line (a JSON body's field): only real line numbers are shown.
export function Fejlboks({ fejl, titel }: { fejl: unknown; titel?: string }) {
  if (!fejl) return null;
  const detaljer = fejl instanceof ApiFejl ? fejl.detaljer : [];
  return (
    <div class="besked besked-fejl" role="alert">
      {titel ? <strong>{titel}: </strong> : null}
      {fejltekst(fejl)}
      {detaljer.length > 0 ? (
        <ul>
          {detaljer.map((d, i) => (
            <li key={i}>
              {[d.fil, d.linje ? `linje ${d.linje}` : undefined, d.felt]
                .filter(Boolean)
                .join(', ')}
              {d.fil || d.linje || d.felt ? ': ' : ''}
              {d.besked}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Kvittering({ children }: { children: ComponentChildren }) {
  return (
    <div class="besked besked-ok" role="status">
      {children}
    </div>
  );
}

export function Indlaeser({ tekst = 'Henter …' }: { tekst?: string }) {
  return (
    <p class="indlaeser" role="status">
      {tekst}
    </p>
  );
}

export interface Data<T> {
  data: T | undefined;
  fejl: unknown;
  henter: boolean;
  hent: () => Promise<void>;
}

/** Loads `f()` whenever a dependency changes; `hent` loads again. */
export function useData<T>(f: (() => Promise<T>) | null, deps: unknown[]): Data<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [fejl, setFejl] = useState<unknown>(null);
  const [henter, setHenter] = useState(false);
  const hent = useCallback(async () => {
    if (!f) return;
    setHenter(true);
    setFejl(null);
    try {
      setData(await f());
    } catch (e) {
      setFejl(e);
      setData(undefined);
    } finally {
      setHenter(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    void hent();
  }, [hent]);
  return { data, fejl, henter, hent };
}

export function Sidehoved({ titel, children }: { titel: string; children?: ComponentChildren }) {
  useEffect(() => {
    document.title = `${titel} – sagsaudit`;
  }, [titel]);
  return (
    <div class="sidehoved">
      <h1 id="sidetitel" tabIndex={-1}>
        {titel}
      </h1>
      {children}
    </div>
  );
}
