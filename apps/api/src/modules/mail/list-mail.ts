import { countMailByState, listMailOutbox, type MailSummaryRow } from '@anc/db';
import type { ListMailOutboxInput, MailDelivery, MailListDto, MailSummaryDto } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';

export const mailSummaryDto = (m: MailSummaryRow): MailSummaryDto => ({
  id: m.id,
  createdAt: m.createdAt.toISOString(),
  to: m.toAddress,
  locale: m.locale,
  kind: m.kind,
  subject: m.subject,
  state: m.state,
  attempts: m.attempts,
  lastError: m.lastError,
  nextAttemptAt: m.nextAttemptAt.toISOString(),
  sentAt: m.sentAt?.toISOString() ?? null,
});

/**
 * "Correo saliente" (admins): the outbox newest first, with how this deployment delivers (over
 * SMTP, or held: no `SMTP_URL`) and how many messages are in each state.
 */
export async function listMail(
  ctx: UseCaseContext,
  input: ListMailOutboxInput,
  delivery: { delivery: MailDelivery; maxAttempts: number },
): Promise<MailListDto> {
  const { rows, nextCursor } = await listMailOutbox(ctx.db, input);
  return { items: rows.map(mailSummaryDto), nextCursor, ...delivery, counts: await countMailByState(ctx.db) };
}
