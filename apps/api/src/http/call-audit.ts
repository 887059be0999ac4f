// The `apiClient.call` audit rows (docs/API.md: every call by an API client is audited with the
// client as actor): a read, a refusal or an idempotent replay by a client gets one row naming the
// route and the status, written when the response completes (a write that went through has its
// use-case's own row, in its transaction).
//
// The rows are written in batches: each completed call queues its row, and the queue is written
// by one multi-row INSERT at most `delayMs` later (or as soon as `maxRows` are waiting). One
// statement per call was a fifth of the CPU of a TAXII poll by token (README "Benchmark", the
// token path); batched, a busy client's calls share a statement. The cost of this choice, stated
// honestly: a process killed within `delayMs` of a call loses that call's row (a graceful stop
// writes every queued row: `close`), and a batch the database refuses is retried, then written to
// the error log row by row, so no call goes unrecorded silently. Rows are never batched for
// writes: those are audited inside their own transaction.
import type { FastifyRequest } from 'fastify';
import { writeAuditRows, type AuditEntry, type Db } from '@anc/db';
import { auditOrigin } from '../modules/audit/origin.ts';

interface Logger {
  error(obj: unknown, msg?: string): void;
}

export interface CallAuditOptions {
  /** Longest a row waits before its batch is written. */
  delayMs?: number;
  /** A batch is written at once when this many rows wait. */
  maxRows?: number;
  /** Attempts to write one batch before its rows go to the error log. */
  attempts?: number;
  /** Called after each batch is written (the audit sealer's nudge). */
  onWritten?: () => void;
}

type Row = AuditEntry & { occurredAt: Date };

export class ApiCallAudit {
  private queue: Row[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly delayMs: number;
  private readonly maxRows: number;
  private readonly attempts: number;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly options: CallAuditOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 50;
    this.maxRows = options.maxRows ?? 200;
    this.attempts = options.attempts ?? 3;
  }

  /** Queues the row of a completed call by an API client (nothing for any other caller). */
  record(req: FastifyRequest, status: number): void {
    const actor = req.apiClientActor;
    if (!actor?.client) return;
    this.queue.push({
      occurredAt: new Date(),
      actorId: actor.userId,
      action: 'apiClient.call',
      entityType: 'api_client',
      entityId: actor.client.id,
      diff: { method: req.method, route: req.routeOptions.url ?? req.url.split('?', 1)[0], status },
      origin: auditOrigin({ requestId: String(req.id), ip: req.ip, userAgent: req.headers['user-agent'] }),
    });
    if (this.queue.length >= this.maxRows) void this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush(), this.delayMs);
      this.timer.unref();
    }
  }

  /** Rows queued and not yet handed to the database. */
  get pending(): number {
    return this.queue.length;
  }

  /** Writes every queued row; resolves when they (and any batch under way) are written or logged. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue;
    this.queue = [];
    // Batches are written one after another, in the order their calls completed.
    this.writing = this.writing.then(() => (batch.length ? this.write(batch) : undefined));
    return this.writing;
  }

  /** On shutdown: every queued row is written before the database closes. */
  close(): Promise<void> {
    return this.flush();
  }

  private async write(batch: Row[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await writeAuditRows(this.db, batch);
        this.options.onWritten?.();
        return;
      } catch (err) {
        if (attempt < this.attempts) {
          await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
          continue;
        }
        // The last resort: each row, whole, in the error log (which production ships elsewhere).
        for (const row of batch) this.log.error({ err, auditRow: row }, 'API client call not audited');
        return;
      }
    }
  }
}
