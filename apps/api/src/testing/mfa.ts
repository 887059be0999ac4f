// Second factors for the tests: a confirmed TOTP authenticator and recovery codes written
// straight into the tables (what `auth.mfa.confirmTotp` stores), and the code an app would show.
import { encryptSecret, generateRecoveryCodes, generateTotpSecret, recoveryCodeHash, totpCodeAt } from '@anc/auth';
import { recoveryCodes, userTotp, type Db } from '@anc/db';
import { totpStep } from '@anc/domain';
import { eq } from 'drizzle-orm';
import { TEST_MFA_ENCRYPTION_KEY } from '../env.ts';

export const TEST_MFA_KEY = new Uint8Array(Buffer.from(TEST_MFA_ENCRYPTION_KEY, 'hex'));

/** Gives the account a confirmed TOTP authenticator; answers its secret. */
export async function enrolTotpDirectly(db: Db, userId: string, now = new Date()): Promise<Uint8Array> {
  const secret = generateTotpSecret();
  await db
    .insert(userTotp)
    .values({ userId, secret: encryptSecret(TEST_MFA_KEY, secret, userId), confirmedAt: now, lastUsedStep: null, createdAt: now })
    .onConflictDoUpdate({ target: userTotp.userId, set: { secret: encryptSecret(TEST_MFA_KEY, secret, userId), confirmedAt: now, lastUsedStep: null } });
  return secret;
}

/** One more unused recovery code of the account. */
export async function issueRecoveryCode(db: Db, userId: string): Promise<string> {
  const [code = ''] = generateRecoveryCodes(1);
  await db.insert(recoveryCodes).values({ userId, codeHash: recoveryCodeHash(code) });
  return code;
}

/** The code an authenticator app shows at `at` (offset in steps of 30 s). */
export const totpCode = (secret: Uint8Array, at = new Date(), offsetSteps = 0): string => totpCodeAt(secret, totpStep(at) + offsetSteps);

/** Begins an enrolment of the account (an unconfirmed secret, any confirmed one dropped); answers the secret. */
export async function beginTotpDirectly(db: Db, userId: string, now = new Date()): Promise<Uint8Array> {
  const secret = generateTotpSecret();
  await db.delete(userTotp).where(eq(userTotp.userId, userId));
  await db.insert(userTotp).values({ userId, secret: encryptSecret(TEST_MFA_KEY, secret, userId), confirmedAt: null, lastUsedStep: null, createdAt: now });
  return secret;
}
