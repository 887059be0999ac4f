import { clearThrottle, isThrottled, recordThrottleFailure, type Db } from '@anc/db';
import { DomainError } from '@anc/domain';

/**
 * Sign-in throttle: failures per account (guessing one password) and per client address
 * (spraying many accounts). Counters live in the database, shared by every API process.
 */
export const THROTTLE_POLICY = {
  account: { windowMs: 15 * 60_000, limit: 5, lockMs: 15 * 60_000 },
  ip: { windowMs: 15 * 60_000, limit: 30, lockMs: 15 * 60_000 },
} as const;

export async function assertSignInAllowed(db: Db, email: string, ip: string, now = new Date()): Promise<void> {
  const [account, address] = await Promise.all([isThrottled(db, 'account', email, now), isThrottled(db, 'ip', ip, now)]);
  if (account || address) throw new DomainError('TOO_MANY_REQUESTS', 'too_many_attempts');
}

export async function recordSignInFailure(db: Db, email: string, ip: string, now = new Date()): Promise<void> {
  await recordThrottleFailure(db, 'account', email, now, THROTTLE_POLICY.account);
  await recordThrottleFailure(db, 'ip', ip, now, THROTTLE_POLICY.ip);
}

/** A successful sign-in clears the account's counter (not the address's: others may share it). */
export const clearAccountFailures = (db: Db, email: string) => clearThrottle(db, 'account', email);
