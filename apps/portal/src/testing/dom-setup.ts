/**
 * What jsdom lacks and the portal's components use (Mantine reads `matchMedia` and observes
 * sizes), and the portal's relative `/trpc` calls sent to the component tests' API process with a
 * browser-like cookie jar (src/testing/api-setup.ts). Every call is recorded, so a test can say
 * that a refused form sent nothing.
 */
import { cleanup } from '@testing-library/react';
import { afterEach, inject } from 'vitest';

Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
globalThis.ResizeObserver ??= NoResizeObserver;
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
// Mantine's Textarea autosize listens for web fonts loading (document.fonts), which jsdom lacks.
if (!('fonts' in document)) Object.defineProperty(document, 'fonts', { value: new EventTarget() });

const apiUrl = inject('apiUrl');
const cookies = new Map<string, string>();
/** The tRPC procedures called since the last `clearCalls()`, in order (`directory.designate`, …). */
export const calls: string[] = [];
export const clearCalls = () => calls.splice(0);

const nodeFetch = globalThis.fetch;
globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url, apiUrl);
  if (url.pathname.startsWith('/trpc/')) calls.push(...url.pathname.slice('/trpc/'.length).split(','));
  const headers = new Headers(init?.headers);
  // The portal's own origin, as a browser on the API's address sends it.
  headers.set('origin', apiUrl);
  if (cookies.size) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
  const res = await nodeFetch(url, { ...init, headers });
  for (const line of res.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    const value = pair.slice(eq + 1).trim();
    if (value) cookies.set(pair.slice(0, eq).trim(), value);
    else cookies.delete(pair.slice(0, eq).trim());
  }
  return res;
};

afterEach(() => cleanup());
