// Signing in with an identity the OpenID provider vouched for (issue 13 point 6). The route
// (oidc/oidc.routes.ts) has run the protocol: state, PKCE and the ID token (signature, issuer,
// audience, expiry, nonce) are checked before this is called with the token's claims. Here: the
// portal's own rules (a verified e-mail of an allowed domain, an active account, or a staff
// account provisioned for a mapped domain) and every outcome's audit row.
import { randomBytes } from 'node:crypto';
import { abandonPendingSignIn, beginSignIn, hashPassword, invalidateSession, sessionIdFromToken } from '@anc/auth';
import { getAgencyByCode, getUserByEmail, insertUser, isUniqueViolation, touchLastSignIn, writeAudit, type Db } from '@anc/db';
import { amrAssertsSecondFactor, OIDC_FAILURE_REASONS, oidcGate, type OidcErrorCode, type OidcFailureReason, type OidcIdentity } from '@anc/domain';
import type { OpenUseCaseContext, SessionContext } from '../use-case.ts';
import { userAuditFields } from '../users/user-dto.ts';

export interface OidcSettings {
  allowedDomains: readonly string[];
  /** E-mail domain → agency code. */
  autoProvision: Readonly<Record<string, string>>;
}

export type OidcSignInOutcome =
  /** `pending`: the account has a second factor of its own and the provider asserted none: the portal asks for it. */
  | { ok: true; userId: string; provisioned: boolean; secondFactorAsserted: boolean; pending: boolean }
  | { ok: false; code: OidcErrorCode; reason: OidcFailureReason };

type Ctx = Pick<OpenUseCaseContext, 'db' | 'origin' | 'sealer'> & SessionContext & { pendingSignInToken: string | null };

/**
 * An `auth.oidcSignInFailed` row: who (the e-mail the provider named, if any), why, and a short
 * detail (the provider's error code, the claim that did not match), never a token or a stack.
 */
export async function recordOidcFailure(
  ctx: Pick<OpenUseCaseContext, 'db' | 'origin' | 'sealer'>,
  reason: OidcFailureReason,
  { email = null, userId = null, detail }: { email?: string | null; userId?: string | null; detail?: string } = {},
): Promise<{ ok: false; code: OidcErrorCode; reason: OidcFailureReason }> {
  await ctx.db.transaction(async (tx) => {
    await writeAudit(tx, {
      actorId: userId,
      action: 'auth.oidcSignInFailed',
      entityType: 'account',
      entityId: email ?? '-',
      diff: { reason, ...(detail ? { detail: detail.slice(0, 200) } : {}) },
      origin: ctx.origin,
    });
  });
  ctx.sealer?.nudge();
  return { ok: false, code: OIDC_FAILURE_REASONS[reason], reason };
}

const localeOf = (claim: string | null) => (claim?.toLowerCase().startsWith('en') ? 'en' : 'es-MX');

/** A password nobody knows: the account signs in through the provider (or after a reset by e-mail). */
const unusablePasswordHash = () => hashPassword(randomBytes(32).toString('base64url'));

async function provision(tx: Db, ctx: Ctx, email: string, agencyId: string, agencyCode: string, identity: OidcIdentity) {
  const user = await insertUser(tx, {
    email,
    name: identity.name ?? email.slice(0, email.lastIndexOf('@')),
    role: 'staff',
    agencyId,
    passwordHash: await unusablePasswordHash(),
    locale: localeOf(identity.locale),
  });
  await writeAudit(tx, {
    actorId: user.id,
    action: 'auth.oidcProvision',
    entityType: 'user',
    entityId: user.id,
    diff: { ...userAuditFields(user), agencyCode },
    origin: ctx.origin,
  });
  return user;
}

export async function oidcSignIn(ctx: Ctx, identity: OidcIdentity, settings: OidcSettings): Promise<OidcSignInOutcome> {
  const gate = oidcGate(identity, settings.allowedDomains);
  if (!gate.ok) return recordOidcFailure(ctx, gate.reason, { email: identity.email });
  const { email, domain } = gate;

  let found = await getUserByEmail(ctx.db, email);
  if (found && !found.user.active) return recordOidcFailure(ctx, 'account_inactive', { email, userId: found.user.id });
  if (found && !found.agency.active) return recordOidcFailure(ctx, 'agency_inactive', { email, userId: found.user.id });

  const agencyCode = settings.autoProvision[domain];
  let agencyId: string | null = null;
  if (!found) {
    if (agencyCode === undefined) return recordOidcFailure(ctx, 'no_account', { email });
    const agency = await getAgencyByCode(ctx.db, agencyCode);
    if (!agency) return recordOidcFailure(ctx, 'provision_agency_unknown', { email, detail: agencyCode });
    if (!agency.active) return recordOidcFailure(ctx, 'agency_inactive', { email, detail: agencyCode });
    agencyId = agency.id;
  }

  const secondFactorAsserted = amrAssertsSecondFactor(identity.amr);
  const now = new Date();
  const signIn = async () =>
    ctx.db.transaction(async (tx) => {
      const user = found?.user ?? (await provision(tx, ctx, email, agencyId ?? '', agencyCode ?? '', identity));
      // A fresh token on every sign-in; what the browser held before is ended (no fixation).
      if (ctx.sessionId) await invalidateSession(tx, ctx.sessionId);
      if (ctx.pendingSignInToken) await abandonPendingSignIn(tx, sessionIdFromToken(ctx.pendingSignInToken));
      // A session, or (the account has a factor of its own, the provider asserted none) a pending
      // sign-in that the portal's second step completes (packages/auth/src/sign-in.ts).
      const started = await beginSignIn(tx, user, { ip: ctx.request.ip, userAgent: ctx.request.userAgent }, { secondFactorAsserted, now });
      if (started.kind === 'session') await touchLastSignIn(tx, user.id, now);
      await writeAudit(tx, {
        actorId: user.id,
        action: started.kind === 'session' ? 'auth.oidcSignIn' : 'auth.mfaChallenge',
        entityType: 'user',
        entityId: user.id,
        diff: { method: 'oidc', amr: identity.amr, secondFactorAsserted, provisioned: !found },
        origin: ctx.origin,
      });
      return { user, started, provisioned: !found };
    });

  let result: Awaited<ReturnType<typeof signIn>>;
  try {
    result = await signIn();
  } catch (err) {
    // Two first sign-ins of the same new address at once: the other one created the account.
    if (found || !isUniqueViolation(err)) throw err;
    found = await getUserByEmail(ctx.db, email);
    if (!found) throw err;
    result = await signIn();
  }
  ctx.sealer?.nudge();
  const { started } = result;
  if (started.kind === 'session') {
    ctx.cookies.setSession(started.token, started.expiresAt);
    ctx.cookies.clearPendingSignIn();
  } else {
    if (ctx.sessionId) ctx.cookies.clearSession();
    ctx.cookies.setPendingSignIn(started.token, started.expiresAt);
  }
  return { ok: true, userId: result.user.id, provisioned: result.provisioned, secondFactorAsserted, pending: started.kind === 'pending' };
}
