// A small client-side router over the History API: the server answers index.html for every
// path not under /api, so a reload or a bookmark lands on the same page.
import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

type Lytter = () => void;
const lyttere = new Set<Lytter>();

export function naviger(sti: string, erstat = false): void {
  if (erstat) history.replaceState(null, '', sti);
  else history.pushState(null, '', sti);
  lyttere.forEach((l) => l());
}

window.addEventListener('popstate', () => lyttere.forEach((l) => l()));

export interface Sted {
  sti: string;
  query: URLSearchParams;
}

export function useSted(): Sted {
  const [, setN] = useState(0);
  useEffect(() => {
    const l = () => setN((n) => n + 1);
    lyttere.add(l);
    return () => {
      lyttere.delete(l);
    };
  }, []);
  return { sti: location.pathname, query: new URLSearchParams(location.search) };
}

/** Replaces the query string without a new history entry (filters on a page). */
export function saetQuery(params: Record<string, string | undefined>): void {
  const p = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(params)) {
    if (v) p.set(k, v);
    else p.delete(k);
  }
  const s = p.toString();
  naviger(`${location.pathname}${s ? `?${s}` : ''}`, true);
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & {
  href: string;
  children?: ComponentChildren;
};

export function Link({ href, children, ...rest }: LinkProps) {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)
      return;
    e.preventDefault();
    naviger(href);
  };
  return (
    <a href={href} onClick={onClick} {...rest}>
      {children}
    </a>
  );
}
