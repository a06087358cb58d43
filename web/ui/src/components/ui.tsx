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
export function Fejlboks({ fejl, titel, id }: { fejl: unknown; titel?: string; id?: string }) {
  if (!fejl) return null;
  const detaljer = fejl instanceof ApiFejl ? fejl.detaljer : [];
  return (
    <div class="besked besked-fejl" role="alert" id={id}>
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

/**
 * The problems a 422 names for one field (`felt` of its details), as an error of their own for
 * the Fejlboks next to that field: "frist: '31-13-2027' er ikke en dato …". null when none.
 */
export function feltFejl(fejl: unknown, felt: string): ApiFejl | null {
  if (!(fejl instanceof ApiFejl)) return null;
  const egne = fejl.detaljer.filter((d) => d.felt === felt);
  if (egne.length === 0) return null;
  if (egne.length === 1) return new ApiFejl(fejl.status, fejl.kode, `${felt}: ${egne[0].besked}`);
  return new ApiFejl(
    fejl.status,
    fejl.kode,
    `${egne.length} fejl i ${felt}`,
    egne.map((d) => ({ besked: d.besked })),
  );
}

/**
 * What is left of an error for the form's own box when the fields in `felter` show theirs (see
 * Felt): null when every problem has its field; a single problem without the list, since the
 * server's message already names it.
 */
export function oevrigeFejl(fejl: unknown, felter: string[]): unknown {
  if (!fejl) return null;
  if (!(fejl instanceof ApiFejl) || fejl.detaljer.length === 0) return fejl;
  const rest = fejl.detaljer.filter((d) => !d.felt || !felter.includes(d.felt));
  if (rest.length === 0) return null;
  if (rest.length === 1) {
    const d = rest[0];
    const besked = rest.length === fejl.detaljer.length ? fejl.message : d.felt ? `${d.felt}: ${d.besked}` : d.besked;
    return new ApiFejl(fejl.status, fejl.kode, besked);
  }
  return new ApiFejl(fejl.status, fejl.kode, `${rest.length} fejl; intet er gemt`, rest);
}

/** The attributes a Felt gives its input: its label's target, and what describes it. */
export interface FeltAttributter {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * One form field: label, input (made by `children` with the attributes), an optional help line,
 * and the API's problems for field `felt` in a Fejlboks right below it (the input is marked
 * aria-invalid and described by the box).
 */
export function Felt({
  id,
  felt,
  label,
  fejl,
  hjaelp,
  klasse,
  children,
}: {
  id: string;
  felt: string;
  label: ComponentChildren;
  fejl: unknown;
  hjaelp?: ComponentChildren;
  klasse?: string;
  children: (a: FeltAttributter) => ComponentChildren;
}) {
  const egen = feltFejl(fejl, felt);
  const beskrevet = [hjaelp ? `${id}-hjaelp` : '', egen ? `${id}-fejl` : ''].filter(Boolean).join(' ');
  return (
    <div class={klasse ? `felt ${klasse}` : 'felt'}>
      <label for={id}>{label}</label>
      {children({ id, 'aria-invalid': egen ? true : undefined, 'aria-describedby': beskrevet || undefined })}
      {hjaelp ? (
        <span id={`${id}-hjaelp`} class="hjaelp-inline">
          {hjaelp}
        </span>
      ) : null}
      <Fejlboks id={`${id}-fejl`} fejl={egen} />
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
