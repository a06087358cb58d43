// The one way the UI talks to the server: JSON in and out, the session cookie, and the CSRF
// token on every state-changing request. An error from the API becomes an ApiFejl carrying the
// server's Danish message (and, for ugyldig, the list of problems).

export interface FejlDetalje {
  fil?: string;
  linje?: number;
  felt?: string;
  besked: string;
}

export class ApiFejl extends Error {
  constructor(
    readonly status: number,
    readonly kode: string,
    message: string,
    readonly detaljer: FejlDetalje[] = [],
  ) {
    super(message);
  }
}

let csrfToken = '';
let vedUdlogget: () => void = () => {};

export function saetCsrf(token: string): void {
  csrfToken = token;
}

/** Called when a request answers 401 (the session ended): the app shows the login again. */
export function naarUdlogget(f: () => void): void {
  vedUdlogget = f;
}

const standardBeskeder: Record<number, string> = {
  401: 'Du er ikke logget ind.',
  403: 'Du har ikke adgang til dette.',
  404: 'Findes ikke.',
  409: 'Der er sket en ændring i mellemtiden.',
  413: 'Filen er for stor.',
  429: 'For mange forsøg. Vent lidt, og prøv igen.',
  500: 'Der skete en fejl på serveren.',
  503: 'Databasen svarer ikke lige nu. Prøv igen om lidt.',
};

async function fejlFraSvar(res: Response): Promise<ApiFejl> {
  let kode = 'ukendt';
  let besked = standardBeskeder[res.status] ?? `Serveren svarede ${res.status}.`;
  let detaljer: FejlDetalje[] = [];
  try {
    const data = await res.json();
    if (data && typeof data === 'object') {
      if (typeof data.error === 'string') kode = data.error;
      if (typeof data.message === 'string' && data.message) besked = data.message;
      if (Array.isArray(data.details)) detaljer = data.details as FejlDetalje[];
    }
  } catch {
    // not JSON: keep the standard message
  }
  return new ApiFejl(res.status, kode, besked, detaljer);
}

export interface Valg {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  json?: unknown;
  body?: BodyInit;
  contentType?: string;
  /** true for the login request: a 401 there is a wrong password, not an ended session. */
  login?: boolean;
}

export async function api<T>(sti: string, valg: Valg = {}): Promise<T> {
  const method = valg.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined = valg.body;
  if (valg.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(valg.json);
  } else if (valg.contentType) {
    headers['Content-Type'] = valg.contentType;
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(sti, { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiFejl(0, 'netvaerk', 'Serveren kan ikke nås. Tjek forbindelsen, og prøv igen.');
  }
  if (!res.ok) {
    const fejl = await fejlFraSvar(res);
    if (res.status === 401 && !valg.login) vedUdlogget();
    throw fejl;
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) return (await res.text()) as T;
  return (await res.json()) as T;
}

/** Builds a query string from the defined values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A message as a sentence: capital first letter, full stop at the end. */
export function saetning(tekst: string): string {
  const t = tekst.trim();
  if (!t) return t;
  const stort = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?:]$/.test(stort) ? stort : `${stort}.`;
}

export function fejltekst(e: unknown): string {
  if (e instanceof Error) return saetning(e.message);
  return saetning(String(e));
}
