// A real SMTP server for the mail tests and the mail benchmark (the `smtp-server` package): it
// accepts or refuses each message as the test says, and keeps what it accepted, parsed by
// `mailparser` (or only counted, for the benchmark's burst).
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  /** `smtp://127.0.0.1:<port>` */
  url: string;
  /** Every message accepted, parsed, in the order received (empty when `parse: false`). */
  messages: ParsedMail[];
  /** How many messages were accepted, and refused. */
  accepted(): number;
  refused(): number;
  /** While true, every message is refused with a temporary error (451). */
  failing: boolean;
  /** Resolves once at least `n` messages were accepted. */
  waitFor(n: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** `refuseTo`: recipients refused for good (550), whatever `failing` says: a message to them only can never be delivered. */
export async function startSmtpSink({
  parse = true,
  failing = false,
  refuseTo = () => false,
}: { parse?: boolean; failing?: boolean; refuseTo?: (address: string) => boolean } = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  let accepted = 0;
  let refused = 0;
  const state = { failing };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuseTo(address.address)) {
        callback(Object.assign(new Error(`550 no mailbox ${address.address} (test)`), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.failing) {
          refused += 1;
          const err = Object.assign(new Error('451 mailbox temporarily unavailable (test)'), { responseCode: 451 });
          callback(err);
          return;
        }
        const raw = Buffer.concat(chunks);
        if (!parse) {
          accepted += 1;
          callback();
          return;
        }
        simpleParser(raw).then(
          (m) => {
            messages.push(m);
            accepted += 1;
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    accepted: () => accepted,
    refused: () => refused,
    get failing() {
      return state.failing;
    },
    set failing(v: boolean) {
      state.failing = v;
    },
    async waitFor(n, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        if (accepted >= n) return;
        if (Date.now() > until) throw new Error(`only ${accepted} of ${n} messages arrived in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
