import { clearThrottles, takeThrottleAttempts, type Db } from '@anc/db';
import { DomainError } from '@anc/domain';

/**
 * Password-guess throttle, shared by every API process (counters in the database). Each attempt
 * is counted BEFORE the password is verified, atomically (packages/db/src/queries/sessions.ts
 * `takeThrottleAttempts`), so a burst of parallel guesses evaluates at most the budget.
 *
 * - `account_ip`: one account from one address — the budget a guesser meets first;
 * - `account`: one account from anywhere — a higher ceiling, so a stranger cannot lock a person
 *   out from their own office by failing five times;
 * - `ip`: one address across accounts (spraying).
 * A budget spent answers TOO_MANY_REQUESTS until its window ends (`retryAfterSeconds`).
 */
export const THROTTLE_POLICY = {
  windowMs: 15 * 60_000,
  limits: { account_ip: 5, account: 50, ip: 30 },
} as const;

export type ThrottlePurpose = 'signIn' | 'changePassword';

type Budget = { scope: string; key: string; limit: number };

function keysFor(purpose: ThrottlePurpose, account: string, ip: string): [Budget, Budget, Budget] {
  // Password changes have budgets of their own (a signed-in guesser must not spend the sign-in
  // budget of the person, nor the other way round).
  const p = purpose === 'signIn' ? '' : `${purpose}:`;
  const acct = account.trim().toLowerCase();
  return [
    { scope: `${p}account_ip`, key: `${acct}|${ip}`, limit: THROTTLE_POLICY.limits.account_ip },
    { scope: `${p}account`, key: acct, limit: THROTTLE_POLICY.limits.account },
    { scope: `${p}ip`, key: ip, limit: THROTTLE_POLICY.limits.ip },
  ];
}

/**
 * Takes one attempt from every budget of (account, address). Throws TOO_MANY_REQUESTS when one of
 * them is already spent; otherwise the caller may verify the password once.
 */
export async function takePasswordAttempt(db: Db, purpose: ThrottlePurpose, account: string, ip: string, now = new Date()): Promise<void> {
  const keys = keysFor(purpose, account, ip);
  const rows = await takeThrottleAttempts(db, keys, now, THROTTLE_POLICY.windowMs);
  let retryAfterMs = 0;
  for (const row of rows) {
    const limit = keys.find((k) => k.scope === row.scope && k.key === row.key)?.limit ?? 0;
    if (row.failures > limit) {
      retryAfterMs = Math.max(retryAfterMs, row.windowStartedAt.getTime() + THROTTLE_POLICY.windowMs - now.getTime());
    }
  }
  if (retryAfterMs > 0) {
    throw new DomainError('TOO_MANY_REQUESTS', 'too_many_attempts', { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });
  }
}

/**
 * A right password gives back the account's attempts (not the address's: others may share it,
 * and a sprayer who owns one account must not reset the address budget with it).
 */
export async function clearPasswordAttempts(db: Db, purpose: ThrottlePurpose, account: string, ip: string): Promise<void> {
  const [accountIp, accountOnly] = keysFor(purpose, account, ip);
  await clearThrottles(db, [accountIp, accountOnly]);
}
