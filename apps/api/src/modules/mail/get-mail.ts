import { getMail as getMailRow } from '@anc/db';
import { DomainError, hideResetToken, type GetMailInput, type MailDto } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { mailSummaryDto } from './list-mail.ts';

/**
 * One message of the outbox as it is (or would be) sent: subject, plain text and HTML — but the
 * token of a password-reset link hidden (`hideResetToken`): an admin never holds another
 * person's reset link.
 */
export async function getMail(ctx: UseCaseContext, input: GetMailInput): Promise<MailDto> {
  const row = await getMailRow(ctx.db, input.id);
  if (!row) throw new DomainError('NOT_FOUND', 'not_found');
  return { ...mailSummaryDto(row), text: hideResetToken(row.kind, row.text), html: hideResetToken(row.kind, row.html) };
}
