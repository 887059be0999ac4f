import { clearThrottle, refundThrottleAttempt, takeThrottleAttempt, type Db } from '@anc/db';
import { DomainError } from '@anc/domain';

/**
 * Password-guess throttle, shared by every API process (counters in the database). Each attempt
 * is counted BEFORE the password is verified, atomically (packages/db/src/queries/sessions.ts
 * `takeThrottleAttempt`), so a burst of parallel guesses evaluates at most the budget.
 *
 * Budgets, taken in this order, each only while the ones before it are still open:
 * - `account_ip`: one account from one address — the budget a guesser meets first;
 * - `ip`: one address across accounts (spraying);
 * - `account`: one account from anywhere — a higher ceiling against guessing from many
 *   addresses. An address whose own budgets are spent no longer counts here, so a stranger
 *   cannot lock a person out from their own office.
 * A spent budget answers TOO_MANY_REQUESTS until its window ends (`retryAfterSeconds`).
 */
export const THROTTLE_POLICY = {
  windowMs: 15 * 60_000,
  limits: { account_ip: 5, ip: 30, account: 50 },
} as const;

/**
 * Reset e-mails (issue 12 point 5) are throttled by the same counters with budgets of their own,
 * keyed by the address typed whether or not an account has it (the answer says nothing of which):
 * few per account, so nobody's mailbox is flooded, and per requesting address against spraying.
 * Nothing is refunded: every request sends (or would send) a mail.
 */
export const RESET_THROTTLE_LIMITS = { account_ip: 3, ip: 20, account: 5 } as const;

/**
 * `secondFactor`: codes typed at `auth.verifyMfa` and the MFA settings (a TOTP code has 6 digits:
 * a million guesses; the budgets of sign-in keep a guesser far from that). The account is keyed by
 * its id, so a pending sign-in cannot be used to spend another person's password budget.
 */
export type ThrottlePurpose = 'signIn' | 'changePassword' | 'passwordReset' | 'secondFactor';

type Budget = { scope: string; key: string; limit: number };

function budgetsFor(purpose: ThrottlePurpose, account: string, ip: string): [Budget, Budget, Budget] {
  // Password changes have budgets of their own (a signed-in guesser must not spend the sign-in
  // budget of the person, nor the other way round).
  const p = purpose === 'signIn' ? '' : `${purpose}:`;
  const acct = account.trim().toLowerCase();
  const limits = purpose === 'passwordReset' ? RESET_THROTTLE_LIMITS : THROTTLE_POLICY.limits;
  return [
    { scope: `${p}account_ip`, key: `${acct}|${ip}`, limit: limits.account_ip },
    { scope: `${p}ip`, key: ip, limit: limits.ip },
    { scope: `${p}account`, key: acct, limit: limits.account },
  ];
}

/**
 * Takes one attempt from each budget of (account, address), in order. Throws TOO_MANY_REQUESTS at
 * the first spent one (later budgets are not touched); otherwise the caller may verify the
 * password once.
 */
export async function takePasswordAttempt(db: Db, purpose: ThrottlePurpose, account: string, ip: string, now = new Date()): Promise<void> {
  for (const budget of budgetsFor(purpose, account, ip)) {
    const row = await takeThrottleAttempt(db, budget.scope, budget.key, now, THROTTLE_POLICY.windowMs);
    if (row.failures > budget.limit) {
      const waitMs = row.windowStartedAt.getTime() + THROTTLE_POLICY.windowMs - now.getTime();
      const reason = purpose === 'passwordReset' ? 'too_many_reset_requests' : 'too_many_attempts';
      throw new DomainError('TOO_MANY_REQUESTS', reason, { retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) });
    }
  }
}

/**
 * A right password: the (account, address) budget starts again, and the address and the account
 * get back the one attempt this request took (a success costs nothing, and it cannot erase the
 * failures others counted there).
 */
export async function refundPasswordAttempt(db: Db, purpose: ThrottlePurpose, account: string, ip: string): Promise<void> {
  const [accountIp, address, accountOnly] = budgetsFor(purpose, account, ip);
  await clearThrottle(db, accountIp.scope, accountIp.key);
  await refundThrottleAttempt(db, address.scope, address.key);
  await refundThrottleAttempt(db, accountOnly.scope, accountOnly.key);
}
