// A reset link for an account, written straight into the table (what `auth.requestPasswordReset`
// stores), for the tests that need a token without reading it back out of an e-mail.
import { generatePasswordResetToken, passwordResetTokenHash } from '@anc/auth';
import { insertPasswordResetToken, type Db } from '@anc/db';
import { PASSWORD_RESET_TTL_MS } from '@anc/domain';

export async function issueResetToken(db: Db, userId: string, now = new Date()): Promise<string> {
  const token = generatePasswordResetToken();
  await insertPasswordResetToken(db, {
    userId,
    tokenHash: passwordResetTokenHash(token),
    expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
    createdAt: now,
    requestedEmail: 'prueba@prueba.gob.mx',
    requestedIp: null,
  });
  return token;
}
