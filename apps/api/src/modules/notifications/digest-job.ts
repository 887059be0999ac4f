import { claimDigestRecipients, incidentReadFacts, notificationMailTlps, notificationsBetween, queueMail, taskReadFacts, type Db } from '@anc/db';
import { digestDedupeKey, digestDueAt, digestWindowStart, dueDigestDay, renderDigestMail, type DigestItem } from '@anc/domain';
import { toNotificationDto } from './notification-dto.ts';

interface Logger {
  error(obj: unknown, msg?: string): void;
}

/** People claimed per transaction: a long list is worked off in several short transactions. */
export const DIGEST_BATCH = 50;

/**
 * Queues the daily digests due at `now` (08:00 Mexico City time, issue 12 point 4): for every
 * person with e-mail on and the daily digest chosen, once per Mexico City day, one mail listing
 * the notifications since the previous digest that the person may still read now (a task since
 * reassigned away from their agency is left out; a TLP:RED matter only says there is news). A day
 * with nothing to tell sends nothing. Each batch claims its people and queues their mails in one
 * transaction; the claim skips people another process holds and the outbox's dedupe key
 * (`digest:<userId>:<yyyy-mm-dd>`) refuses a second copy anyway, so any number of API processes
 * may run it. Returns how many mails it queued.
 */
export async function runDigestJob(db: Db, publicUrl: string, now: Date = new Date(), batchSize = DIGEST_BATCH): Promise<number> {
  const day = dueDigestDay(now);
  if (!day) return 0;
  const dueAt = digestDueAt(day);
  let queued = 0;
  for (;;) {
    const { claimed, mailed } = await db.transaction(async (tx) => {
      const people = await claimDigestRecipients(tx, dueAt, now, batchSize);
      let queuedHere = 0;
      for (const person of people) {
        const rows = await notificationsBetween(tx, person.id, digestWindowStart(person.previousDigestAt, dueAt), now);
        const tasks = await taskReadFacts(
          tx,
          rows.flatMap((r) => (r.taskId ? [r.taskId] : [])),
        );
        const incidents = await incidentReadFacts(
          tx,
          person.agencyId,
          rows.flatMap((r) => (r.incidentId ? [r.incidentId] : [])),
        );
        const tlps = await notificationMailTlps(
          tx,
          rows.map((r) => r.id),
        );
        const items: DigestItem[] = rows.flatMap((row) => {
          const dto = toNotificationDto(row, person, { tasks, incidents }, person.locale);
          if (dto.link === null) return []; // the task or incident is no longer theirs to read
          return [{ title: dto.title, link: dto.link, restricted: tlps.get(row.id) === 'RED' }];
        });
        if (items.length === 0) continue;
        const mail = renderDigestMail({ locale: person.locale, name: person.name, day, items, portalUrl: publicUrl });
        queuedHere += await queueMail(tx, {
          dedupeKey: digestDedupeKey(person.id, day),
          userId: person.id,
          to: person.email,
          locale: person.locale,
          kind: 'digest',
          ...mail,
        });
      }
      return { claimed: people.length, mailed: queuedHere };
    });
    queued += mailed;
    if (claimed < batchSize) return queued;
  }
}

/** Runs `runDigestJob` on a timer in every API process (like the overdue job); `intervalMs` 0 turns it off here. */
export class DigestJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly publicUrl: string,
    private readonly log: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.run(), this.intervalMs);
    this.timer.unref();
  }

  run(now?: Date): Promise<number> {
    if (this.running) return this.running;
    this.running = runDigestJob(this.db, this.publicUrl, now)
      .catch((err: unknown) => {
        if (!this.stopped) this.log.error({ err }, 'digest job failed');
        return 0;
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
  }
}
