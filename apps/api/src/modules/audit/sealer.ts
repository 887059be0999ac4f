import { sealAllAudit, type Db } from '@anc/db';

interface Logger {
  error(obj: unknown, msg?: string): void;
}

/**
 * Seals committed audit rows in the background: nudged after every mutation (debounced) and on
 * a timer, so rows written by other processes get sealed too. Every API process runs one; the
 * advisory lock inside `sealAuditBatch` lets only one of them seal at a time.
 */
export class AuditSealer {
  private timer: NodeJS.Timeout | undefined;
  private pending: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly intervalMs = 1000,
    private readonly debounceMs = 25,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.run(), this.intervalMs);
    this.timer.unref();
  }

  nudge(): void {
    if (this.stopped || this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      void this.run();
    }, this.debounceMs);
    this.pending.unref();
  }

  /** Seals now; resolves when this pass (or the one already under way) is done. */
  run(): Promise<void> {
    if (this.running) return this.running;
    this.running = sealAllAudit(this.db)
      .then(() => undefined)
      .catch((err: unknown) => {
        if (!this.stopped) this.log.error({ err }, 'audit sealer failed');
      })
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.pending);
    await this.running;
  }
}
