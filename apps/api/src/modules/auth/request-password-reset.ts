import { generatePasswordResetToken, passwordResetTokenHash, takePasswordAttempt } from '@anc/auth';
import { deleteStaleResetTokens, getUserByEmail, insertPasswordResetToken, queueMail, writeAudit } from '@anc/db';
import { PASSWORD_RESET_TTL_MS, passwordResetDedupeKey, passwordResetLink, renderPasswordResetMail, type RequestPasswordResetInput } from '@anc/domain';
import type { OpenUseCaseContext, SessionContext } from '../use-case.ts';

/** Expired links are kept this long (the requests themselves stay in the audit log). */
const STALE_AFTER_MS = 7 * 24 * 60 * 60_000;

/**
 * Sends a single-use reset link valid 30 minutes to the address, if an active account has it
 * (issue 12 point 5). The answer is always `{ ok: true }`, and both paths do the same work in the
 * same order: the throttle (keyed by the address typed, known or not), one lookup, a fresh token
 * hashed and stored (with no account for an unknown address, so it can never be redeemed), the
 * mail rendered, one audit row. Only the outbox row differs. The token itself is stored nowhere but
 * in the queued mail; the audit row never holds it.
 */
export async function requestPasswordReset(
  ctx: OpenUseCaseContext & Pick<SessionContext, 'request'> & { publicUrl: string },
  { email }: RequestPasswordResetInput,
  now = new Date(),
): Promise<{ ok: true }> {
  const ip = ctx.request.ip;
  await takePasswordAttempt(ctx.db, 'passwordReset', email, ip, now);
  const found = await getUserByEmail(ctx.db, email);
  const account = found && found.user.active && found.agency.active ? found.user : null;
  const token = generatePasswordResetToken();
  const mail = renderPasswordResetMail({ locale: account?.locale ?? 'es-MX', name: account?.name ?? email, link: passwordResetLink(ctx.publicUrl, token) });
  await ctx.db.transaction(async (tx) => {
    await deleteStaleResetTokens(tx, new Date(now.getTime() - STALE_AFTER_MS));
    const row = await insertPasswordResetToken(tx, {
      userId: account?.id ?? null,
      tokenHash: passwordResetTokenHash(token),
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
      createdAt: now,
      requestedEmail: email,
      requestedIp: ip,
    });
    if (account) {
      await queueMail(tx, {
        dedupeKey: passwordResetDedupeKey(row.id),
        userId: account.id,
        to: account.email,
        locale: account.locale,
        kind: 'password_reset',
        ...mail,
      });
    }
    await writeAudit(tx, {
      actorId: null,
      action: 'auth.passwordResetRequested',
      // The account is the subject when there is one; otherwise the address typed (as a failed sign-in records it).
      entityType: account ? 'user' : 'account',
      entityId: account ? account.id : email,
      diff: {},
      origin: ctx.origin,
    });
  });
  ctx.sealer?.nudge();
  return { ok: true };
}
