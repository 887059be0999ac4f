// A server-sent events reader over real HTTP (what EventSource does, minus the reconnect), for the
// live bell's tests: it collects every event and comment, and tells when the server ended it.
// node:http with its own connection (not fetch): closing it closes the socket, as a browser tab
// that goes away does, where an aborted fetch left a kept-alive socket that held up server.close.
import { request, type IncomingMessage } from 'node:http';
export interface SseEvent {
  id: string | null;
  event: string;
  data: string;
}

export interface SseStream {
  status: number;
  headers: Headers;
  events: SseEvent[];
  /** Comment lines (`: heartbeat`) seen so far. */
  comments: string[];
  /** Resolves when the server ends the stream (or it is closed here). */
  ended: Promise<void>;
  /** Waits until an event matching `test` arrived (or fails after `timeoutMs`). */
  waitFor(test: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** The body of a non-stream answer (a 401). */
  text(): Promise<string>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string> = {}): Promise<SseStream> {
  const req = request(url, { headers: { accept: 'text/event-stream', connection: 'close', ...headers }, agent: false });
  const res = await new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
  const responseHeaders = new Headers();
  for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') responseHeaders.set(k, v);
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const isStream = (responseHeaders.get('content-type') ?? '').startsWith('text/event-stream');
  let bodyText = '';
  const ended = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    let current: SseEvent = { id: null, event: 'message', data: '' };
    try {
      for await (const chunk of res) {
        const text = decoder.decode(chunk as Uint8Array, { stream: true });
        if (!isStream) {
          bodyText += text;
          continue;
        }
        buffer += text;
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          if (line === '') {
            if (current.data !== '' || current.id !== null) events.push(current);
            current = { id: null, event: 'message', data: '' };
            for (const w of waiters) w();
          } else if (line.startsWith(':')) {
            comments.push(line.slice(1).trim());
            for (const w of waiters) w();
          } else {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'id') current.id = value;
            else if (field === 'event') current.event = value;
            else if (field === 'data') current.data = current.data ? `${current.data}\n${value}` : value;
          }
        }
      }
    } catch {
      // Aborted here, or the connection was cut.
    } finally {
      for (const w of waiters) w();
    }
  })();
  let done = false;
  void ended.then(() => {
    done = true;
  });
  return {
    status: res.statusCode ?? 0,
    headers: responseHeaders,
    events,
    comments,
    ended,
    async waitFor(test, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(test);
        if (found) return found;
        if (done) throw new Error(`stream ended without the event; got ${JSON.stringify(events)}`);
        const left = until - Date.now();
        if (left <= 0) throw new Error(`no such event within ${timeoutMs} ms; got ${JSON.stringify(events)}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, Math.min(left, 100));
          waiters.add(() => {
            clearTimeout(t);
            resolve();
          });
        });
        waiters.clear();
      }
    },
    async text() {
      await ended;
      return bodyText;
    },
    close: () => req.destroy(),
  };
}

/** The JSON data of an event. */
export const sseData = <T = { id?: string; seq: number; unread: number }>(e: SseEvent): T => JSON.parse(e.data) as T;
