import {
  activeCoordinators,
  activePeople,
  activeStaffOf,
  claimObligationReminders,
  claimOverdueTasks,
  incidentAudienceFacts,
  insertNotifications,
  type Db,
  type NewNotification,
} from '@anc/db';
import { runAdvisoryReminderJob } from '../advisories/reminder-job.ts';
import { OBLIGATION_REMINDER, incidentReaders, notificationRecipients, obligationReminderKey, taskReaders, type NotifiedPerson } from '@anc/domain';

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
      const staff = byAgency(await activeStaffOf(tx, [...new Set(tasks.map((t) => t.assigneeAgencyId))]));
      const creators = new Map((await activePeople(tx, [...new Set(tasks.map((t) => t.creatorId))])).map((p) => [p.id, p]));
      const rows: NewNotification[] = tasks.flatMap((task) => {
        const creator = creators.get(task.creatorId);
        const recipients = notificationRecipients('task_overdue', {
          people: { assigneeStaff: staff.get(task.assigneeAgencyId) ?? [], taskCreator: creator ? [creator] : [] },
          actorId: null,
          reads: taskReaders(task),
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

const byAgency = (people: readonly NotifiedPerson[]) => {
  const out = new Map<string, NotifiedPerson[]>();
  for (const p of people) out.set(p.agencyId, [...(out.get(p.agencyId) ?? []), p]);
  return out;
};

/**
 * The legal-deadline reminders due at `now` (issue 12): for every incident whose next obligation
 * (notification, final report) has become due soon, resp. overdue, and has not been reminded of
 * for that due date and state, one `obligation_due_soon` to each active staff member of the
 * reporting agency, resp. one `obligation_overdue` to them and to every active coordinator. The
 * same claim as the task job (`claimObligationReminders`, then the dedupe key
 * `obligation:<kind>:<dueAt>:<state>`): once per recipient, obligation and state however often and
 * wherever the job runs; a due date that moves (the notification filed, `awareAt` corrected) is a
 * new obligation. Recipients are checked against the incident's read rule when the row is written.
 * Returns how many notifications it wrote.
 */
export async function runObligationReminderJob(db: Db, now: Date = new Date(), batchSize = OVERDUE_BATCH): Promise<number> {
  let written = 0;
  for (const state of ['due_soon', 'overdue'] as const) {
    const kind = OBLIGATION_REMINDER[state];
    for (;;) {
      const { claimed, notified } = await db.transaction(async (tx) => {
        const incidents = await claimObligationReminders(tx, state, now, batchSize);
        if (incidents.length === 0) return { claimed: 0, notified: 0 };
        const staff = byAgency(await activeStaffOf(tx, [...new Set(incidents.map((i) => i.agencyId))]));
        const coordinators = state === 'overdue' ? await activeCoordinators(tx) : [];
        const facts = await incidentAudienceFacts(
          tx,
          incidents.map((i) => i.id),
        );
        const rows: NewNotification[] = incidents.flatMap((incident) => {
          const audience = facts.get(incident.id);
          if (!audience) return [];
          const recipients = notificationRecipients(kind, {
            people: { reportingStaff: staff.get(incident.agencyId) ?? [], coordinators },
            actorId: null,
            reads: incidentReaders(audience),
          });
          const data = { reference: incident.reference, title: incident.title, obligation: incident.obligation, dueAt: incident.dueAt.toISOString() };
          const dedupeKey = obligationReminderKey(incident.obligation, incident.dueAt, state);
          return recipients.map((userId) => ({ userId, kind, incidentId: incident.id, data, dedupeKey }));
        });
        return { claimed: incidents.length, notified: await insertNotifications(tx, rows) };
      });
      written += notified;
      if (claimed < batchSize) break;
    }
  }
  return written;
}

/**
 * Runs `runOverdueJob` and `runObligationReminderJob` on a timer in every API process (like the audit sealer); safe because the
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
    // One after the other: on PGlite both share one connection.
    this.running = runOverdueJob(this.db)
      .then(async (tasks) => tasks + (await runObligationReminderJob(this.db)))
      .then(async (n) => n + (await runAdvisoryReminderJob(this.db)))
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
