// The rules of a review's answers as the page checks them before saving or submitting (the
// server checks again). Pure functions, unit-tested in test/regler.test.ts.
import { idag, svarTekst } from './format.js';
import type { Kontrol, SagListe, SvarKode } from './types';

export interface Udkast {
  svar: SvarKode | '';
  kommentar: string;
  beloeb: string;
  fra: string;
  til: string;
}

export const tomt: Udkast = { svar: '', kommentar: '', beloeb: '', fra: '', til: '' };
export const svarKoder: SvarKode[] = ['korrekt', 'fejl', 'ikke_relevant', 'kan_ikke_vurderes'];

export function kraeverKommentar(svar: SvarKode | ''): boolean {
  return svar === 'fejl' || svar === 'kan_ikke_vurderes';
}

/** Danish kroner as typed ("1.234,50", "1234,5", "1234.50") to the API's text, or null if unreadable. */
export function normaliserBeloeb(tekst: string): string | null {
  const t = tekst.trim().replace(/\s|kr\.?/gi, '');
  if (/^\d{1,3}\.\d{3}$/.test(t)) return null; // "1.234": kroner or 1,234? refused as the import does
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(t)) return t.replace(/\./g, '');
  if (/^\d+([.,]\d{1,2})?$/.test(t)) return t;
  return null;
}

/** What is wrong with one answer (empty when it can be saved). */
export function udkastFejl(u: Udkast, k: Kontrol): string[] {
  const fejl: string[] = [];
  if (!u.svar) return fejl;
  if (kraeverKommentar(u.svar) && !u.kommentar.trim())
    fejl.push(`Skriv en kommentar: den er påkrævet ved „${svarTekst[u.svar]}“.`);
  if (k.refusion && u.svar === 'fejl') {
    if (u.beloeb.trim() && normaliserBeloeb(u.beloeb) === null)
      fejl.push('Beløbet skal være kroner, fx 1.234,50 eller 1234,50 (1.234 alene er tvetydigt).');
    if (!!u.fra !== !!u.til) fejl.push('Angiv både fra- og til-dato for perioden, eller ingen af dem.');
    else if (u.fra && u.til && u.fra > u.til) fejl.push('Periodens fra-dato ligger efter til-datoen.');
  }
  return fejl;
}

/** The API's amount ("1234.5") as Danish kroner with øre ("1234,50"). */
export function visBeloeb(b: string | null | undefined): string {
  if (!b) return '';
  const m = /^(-?\d+)(?:[.,](\d*))?$/.exec(b.trim());
  if (!m) return b;
  return `${m[1]},${((m[2] ?? '') + '00').slice(0, 2)}`;
}


const faerdig = new Set(['submitted', 'approved']);

export function erFaerdig(s: SagListe): boolean {
  return faerdig.has(s.tilstand);
}

/** Past its deadline and not yet submitted; the server's over_frist when it sends one. */
export function erOverskredet(s: SagListe, iDag = idag()): boolean {
  if (s.over_frist !== undefined) return s.over_frist;
  return !faerdig.has(s.tilstand) && !!s.frist && s.frist < iDag;
}
