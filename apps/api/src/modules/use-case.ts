// What every use-case runs with. The tRPC context builds it today (apps/api/src/trpc/context.ts);
// any other caller (REST routes, a TAXII feed, a job) builds the same three things, so no use-case
// depends on how it was called and none imports tRPC (held by apps/api/src/architecture.test.ts).
import type { AuditOrigin, Db } from '@anc/db';
import type { Actor, Locale } from '@anc/domain';

/** Nudged after a write so the audit chain is sealed soon (apps/api/src/modules/audit/sealer.ts). */
export interface SealerHandle {
  nudge(): void;
  run(): Promise<void>;
}

export interface UseCaseContext {
  db: Db;
  /** Who acts: checked against the domain's rules by the use-case itself. */
  actor: Actor;
  /** Where the call came from, as its audit row records it. */
  origin: AuditOrigin;
  /** The language of words a use-case writes into an answer (notification titles). */
  locale: Locale;
  sealer: SealerHandle | null;
}

/** A call that may come before anyone is signed in (`auth.signIn`, `auth.me`). */
export type OpenUseCaseContext = Omit<UseCaseContext, 'actor'> & { actor: Actor | null };

/** Sets and clears the session and pending sign-in cookies of the caller's browser. */
export interface CookieJar {
  setSession(token: string, expiresAt: Date): void;
  clearSession(): void;
  /** The short-lived cookie of a sign-in that still owes its second factor (docs/API.md "MFA"). */
  setPendingSignIn(token: string, expiresAt: Date): void;
  clearPendingSignIn(): void;
}

/** The browser session behind a call: only the session use-cases of modules/auth need it. */
export interface SessionContext {
  sessionId: string | null;
  cookies: CookieJar;
  request: { ip: string; userAgent: string | undefined };
}

/** A sign-in that owes its second factor: the pending cookie's value, if the browser sent one. */
export interface PendingSignInContext {
  pendingSignInToken: string | null;
  /** The key TOTP secrets are encrypted with (apps/api/src/mfa-key.ts). */
  mfaKey: Uint8Array;
}
