import { createTransport } from 'nodemailer';
import { claimMail, markMailFailed, markMailSentMany, type ClaimedMail, type Db } from '@anc/db';
import { mailRetryDelayMs } from '@anc/domain';

interface Logger {
  warn(obj: unknown, msg?: string): void;
  error(obj: unknown, msg?: string): void;
}

/** What the worker hands to SMTP. */
export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where messages go: SMTP in production, anything with `send` in a test. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * nodemailer over `SMTP_URL`, pooled (a few connections reused across messages), with timeouts
 * well inside the worker's lease. The Message-ID is the outbox row's id, the same on every retry,
 * so a receiver can tell a repeat from a new message.
 */
export function smtpTransport(url: string, from: string, messageIdDomain: string): MailTransport {
  const transporter = createTransport({ url, pool: true, maxConnections: 5, connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 });
  return {
    async send(mail) {
      await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: `<${mail.id}@${messageIdDomain}>` });
    },
    close: () => transporter.close(),
  };
}

export interface MailWorkerOptions {
  /** Messages claimed (and sent concurrently) per round. */
  batch: number;
  /** How long a claim holds before another process may take the row again (a crashed sender). */
  leaseMs: number;
  /** Failed deliveries before a message is dead. */
  maxAttempts: number;
  /** First retry delay; doubled at each further failure (`mailRetryDelayMs`). */
  retryBaseMs: number;
}

export const DEFAULT_MAIL_WORKER: MailWorkerOptions = { batch: 50, leaseMs: 5 * 60_000, maxAttempts: 8, retryBaseMs: 30_000 };

export interface MailRunResult {
  sent: number;
  retried: number;
  dead: number;
}

const describeError = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Sends every message due now, round after round, until none is left: each round claims a batch
 * (`claimMail`: `FOR UPDATE SKIP LOCKED` + a lease, so another process never takes the same
 * row), sends them, and records each outcome under its claim (a claim lost to an expired lease
 * records nothing). A failure is retried after an exponential back-off; the `maxAttempts`-th
 * failure makes the message dead, with its last error.
 */
export async function runMailWorker(db: Db, transport: MailTransport, options: MailWorkerOptions, now: () => Date = () => new Date()): Promise<MailRunResult> {
  const result: MailRunResult = { sent: 0, retried: 0, dead: 0 };
  for (;;) {
    const claimed = await claimMail(db, now(), options.batch, options.leaseMs);
    if (claimed.length === 0) return result;
    const delivered = await Promise.all(claimed.map((m) => deliver(db, transport, options, m, now, result)));
    // The round's deliveries recorded in one statement (a crash before it re-sends them after the lease).
    result.sent += await markMailSentMany(
      db,
      claimed.filter((_, i) => delivered[i]),
      now(),
    );
    if (claimed.length < options.batch) return result;
  }
}

/** Sends one claimed message: true when the server accepted it; a failure is recorded here. */
async function deliver(db: Db, transport: MailTransport, options: MailWorkerOptions, m: ClaimedMail, now: () => Date, result: MailRunResult): Promise<boolean> {
  try {
    await transport.send({ id: m.id, to: m.toAddress, subject: m.subject, text: m.text, html: m.html });
    return true;
  } catch (err) {
    const dead = m.attempts >= options.maxAttempts;
    const retryAt = dead ? null : new Date(now().getTime() + mailRetryDelayMs(m.attempts, options.retryBaseMs));
    if (await markMailFailed(db, m, describeError(err), retryAt)) {
      if (dead) result.dead += 1;
      else result.retried += 1;
    }
    return false;
  }
}

/**
 * Runs `runMailWorker` on a timer in every API process (like the overdue job); safe because the
 * claim is. Started only when there is a transport (`SMTP_URL`): without one, messages stay
 * pending in the outbox and nothing leaves the machine.
 */
export class MailWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<MailRunResult> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly transport: MailTransport,
    private readonly log: Logger,
    private readonly intervalMs: number,
    private readonly options: MailWorkerOptions = DEFAULT_MAIL_WORKER,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.run(), this.intervalMs);
    this.timer.unref();
  }

  /** Runs now; resolves when this pass, or the one under way, ends (a failure is logged). */
  run(): Promise<MailRunResult> {
    if (this.running) return this.running;
    this.running = runMailWorker(this.db, this.transport, this.options)
      .then((r) => {
        if (r.retried || r.dead) this.log.warn({ mail: r }, 'mail delivery failed for some messages');
        return r;
      })
      .catch((err: unknown) => {
        if (!this.stopped) this.log.error({ err }, 'mail worker failed');
        return { sent: 0, retried: 0, dead: 0 };
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    this.transport.close();
  }
}
