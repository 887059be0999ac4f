import { activeStaffByAgency, activeUserIds, claimOverdueTasks, insertNotifications, type Db, type NewNotification } from '@anc/db';
import { notificationRecipients } from '@anc/domain';

interface Logger {
  error(obj: unknown, msg?: string): void;
}

/** Tasks claimed per transaction: a long backlog is worked off in several short transactions. */
export const OVERDUE_BATCH = 100;

/** The dedupe key of an overdue notification: once per user, task and due date. */
export const overdueDedupeKey = (dueAt: Date) => `overdue:${dueAt.toISOString()}`;

/**
 * Writes the `task_overdue` notifications that are due at `now`: for every open task past its due
 * date and not yet notified for that date, one to each active staff member of the assignee agency
 * and one to the coordinator who created it. Each batch claims its tasks and writes their
 * notifications in one transaction (a failure leaves neither); claims skip rows another process is
 * holding, and the dedupe index refuses a second copy anyway, so any number of API processes may
 * run this at once and each notification is written exactly once. A task whose due date moves
 * later is claimed again once the new date passes (a new dedupe key). No history entry is written:
 * being late is a state the task page shows from `dueAt`, not an event someone did.
 * Returns how many notifications it wrote.
 */
export async function runOverdueJob(db: Db, now: Date = new Date(), batchSize = OVERDUE_BATCH): Promise<number> {
  let written = 0;
  for (;;) {
    const { claimed, notified } = await db.transaction(async (tx) => {
      const tasks = await claimOverdueTasks(tx, now, batchSize);
      if (tasks.length === 0) return { claimed: 0, notified: 0 };
      const staff = await activeStaffByAgency(tx, [...new Set(tasks.map((t) => t.assigneeAgencyId))]);
      const activeCreators = await activeUserIds(tx, [...new Set(tasks.map((t) => t.creatorId))]);
      const rows: NewNotification[] = tasks.flatMap((task) => {
        const recipients = notificationRecipients('task_overdue', {
          agencyStaff: staff.get(task.assigneeAgencyId) ?? [],
          creatorId: task.creatorId,
          creatorActive: activeCreators.has(task.creatorId),
          actorId: null,
        });
        const data = { reference: task.reference, title: task.title, dueAt: task.dueAt.toISOString() };
        return recipients.map((userId) => ({ userId, kind: 'task_overdue' as const, taskId: task.id, data, dedupeKey: overdueDedupeKey(task.dueAt) }));
      });
      return { claimed: tasks.length, notified: await insertNotifications(tx, rows) };
    });
    written += notified;
    if (claimed < batchSize) return written;
  }
}

/**
 * Runs `runOverdueJob` on a timer in every API process (like the audit sealer); safe because the
 * job is. `intervalMs` 0 turns it off in this process.
 */
export class OverdueJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly intervalMs: number,
  ) {}

  start(): void {
    if (this.intervalMs <= 0) return;
    this.timer = setInterval(() => void this.run(), this.intervalMs);
    this.timer.unref();
  }

  /** Runs now; resolves with the number written (0 on failure, which is logged) when this pass, or the one under way, ends. */
  run(): Promise<number> {
    if (this.running) return this.running;
    this.running = runOverdueJob(this.db)
      .catch((err: unknown) => {
        if (!this.stopped) this.log.error({ err }, 'overdue job failed');
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
