import { activeStaffOf, claimAdvisoryReminders, insertNotifications, type Db, type NewNotification } from '@anc/db';
import { advisoryReminderKey, notificationRecipients } from '@anc/domain';

/** (advisory, agency) pairs claimed per transaction. */
export const ADVISORY_REMINDER_BATCH = 100;

/**
 * The advisory reminders due at `now`: for every published advisory past its `respondBy`, each
 * addressed agency that has not answered is reminded once — an `advisory_reminder` notification
 * (and its e-mail, in each recipient's language) to its active staff. The claim (`reminded_at` on
 * the agency's audience row, rows another process holds skipped) and the notifications commit
 * together, and the dedupe key refuses a second copy anyway: once per advisory and agency however
 * often and wherever the job runs (apps/api/src/modules/notifications/overdue-job.ts runs it).
 * Returns how many notifications it wrote.
 */
export async function runAdvisoryReminderJob(db: Db, now: Date = new Date(), batchSize = ADVISORY_REMINDER_BATCH): Promise<number> {
  let written = 0;
  for (;;) {
    const { claimed, notified } = await db.transaction(async (tx) => {
      const pairs = await claimAdvisoryReminders(tx, now, batchSize);
      if (pairs.length === 0) return { claimed: 0, notified: 0 };
      const staff = await activeStaffOf(tx, [...new Set(pairs.map((p) => p.agencyId))]);
      const rows: NewNotification[] = pairs.flatMap((pair) => {
        const recipients = notificationRecipients('advisory_reminder', {
          people: { advisoryStaff: staff.filter((s) => s.agencyId === pair.agencyId) },
          actorId: null,
          reads: (p) => p.agencyId === pair.agencyId,
        });
        const data = { reference: pair.reference, title: pair.title, tlp: pair.tlp, respondBy: pair.respondBy.toISOString() };
        return recipients.map((userId) => ({
          userId,
          kind: 'advisory_reminder' as const,
          advisoryId: pair.advisoryId,
          data,
          dedupeKey: advisoryReminderKey(pair.respondBy),
        }));
      });
      return { claimed: pairs.length, notified: await insertNotifications(tx, rows) };
    });
    written += notified;
    if (claimed < batchSize) return written;
  }
}
