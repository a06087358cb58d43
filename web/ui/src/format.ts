// Danish display formats: dates dd-mm-åååå, decimal comma, lights as words.
import type { Trafiklys } from './types';

export function dato(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

export function tidspunkt(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const to = (n: number) => String(n).padStart(2, '0');
  return `${to(d.getDate())}-${to(d.getMonth() + 1)}-${d.getFullYear()} ${to(d.getHours())}:${to(d.getMinutes())}`;
}

export function klokken(d: Date): string {
  const to = (n: number) => String(n).padStart(2, '0');
  return `${to(d.getHours())}:${to(d.getMinutes())}:${to(d.getSeconds())}`;
}

/** Today as ISO date (local time), for comparing deadlines. */
export function idag(): string {
  const d = new Date();
  const to = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${to(d.getMonth() + 1)}-${to(d.getDate())}`;
}

export function decimal(x: number | null | undefined, cifre = 1): string {
  if (x === null || x === undefined) return '—';
  return x.toFixed(cifre).replace('.', ',');
}

export function procent(p: number | null | undefined): string {
  return p === null || p === undefined ? '—' : `${p} %`;
}

/** The Wilson interval; the API gives the bounds as shares (0.7638…), shown as percent. */
export function interval(lo: number | null | undefined, hi: number | null | undefined): string {
  if (lo === null || lo === undefined || hi === null || hi === undefined) return '—';
  return `${decimal(lo * 100)}–${decimal(hi * 100)} %`;
}

export function flertal(n: number, ental: string, flertal: string): string {
  return `${n} ${n === 1 ? ental : flertal}`;
}

export const lysOrd: Record<string, string> = { green: 'Grøn', yellow: 'Gul', red: 'Rød' };
export const lysKlasse: Record<string, string> = {
  green: 'lys-groen',
  yellow: 'lys-gul',
  red: 'lys-roed',
};

export function lysTekst(l: Trafiklys | undefined): string {
  return l ? (lysOrd[l] ?? l) : 'Ingen data';
}

export const rolleTekst: Record<string, string> = {
  admin: 'Administrator',
  koordinator: 'Kvalitetskoordinator',
  leder: 'Leder',
  revisor: 'Revisor',
};

export const kategoriTekst: Record<string, string> = {
  noeglekontrol: 'Nøglekontroller',
  kvalitetsmaal: 'Kvalitetsmål',
  formalia: 'Formalia',
  key_control: 'Nøglekontroller',
  quality_goal: 'Kvalitetsmål',
  formality: 'Formalia',
};

export const sagTilstandTekst: Record<string, string> = {
  assigned: 'tildelt',
  in_progress: 'i gang',
  submitted: 'indsendt',
  approved: 'godkendt',
  returned: 'returneret',
};

export const svarTekst: Record<string, string> = {
  korrekt: 'Korrekt',
  fejl: 'Fejl',
  ikke_relevant: 'Ikke relevant',
  kan_ikke_vurderes: 'Kan ikke vurderes',
};

/** McNemar's test of the revisorsammenligning (GET /api/v1/rounds/{id}/compare). */
export interface McNemar {
  b_kun_revisor_fejl: number;
  c_kun_kommunen_fejl: number;
  metode: string;
  p: number;
}

/** McNemar in words: do the kommune and the revisor find errors equally often? */
export function mcnemarTekst(m: McNemar | null): string {
  if (!m) return '—';
  const p = m.p < 0.001 ? 'under 0,001' : decimal(m.p, 3);
  const tal = `${m.b_kun_revisor_fejl} fejl fandt kun revisor, ${m.c_kun_kommunen_fejl} kun kommunen`;
  if (m.b_kun_revisor_fejl + m.c_kun_kommunen_fejl === 0) return `Ingen uenige par (${tal}).`;
  if (m.p >= 0.05) return `Ingen klar forskel på, hvor ofte de to finder fejl (p = ${p}; ${tal}).`;
  const hvem =
    m.b_kun_revisor_fejl > m.c_kun_kommunen_fejl
      ? 'Revisor finder flere fejl end kommunen'
      : 'Kommunen finder flere fejl end revisor';
  return `${hvem}, og forskellen er næppe tilfældig (p = ${p}; ${tal}).`;
}
