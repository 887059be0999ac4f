// OpenID Connect single sign-on (issue 13 point 6): the rules, without the protocol. The API's
// routes (apps/api/src/modules/auth/oidc/) run the authorization code flow with openid-client and
// hand the verified ID token's claims to these functions; env.ts parses the settings with them.
import { z } from 'zod';

/**
 * Why an OIDC sign-in was refused, as the sign-in page receives it (`/ingresar?oidc=<code>`) and
 * shows it in es-MX and en. Several audit reasons share one code: the person is told what they
 * can act on, the audit row keeps the precise reason.
 */
export const OIDC_ERROR_CODES = [
  /** The sign-in took too long or its cookie is gone (another tab, a reused link). */
  'expired',
  /** The answer did not belong to the sign-in this browser started (state, nonce or PKCE). */
  'mismatch',
  /** The identity provider refused or the person cancelled there. */
  'provider_refused',
  /** The identity provider could not be reached or answered something unusable. */
  'unavailable',
  'email_unverified',
  'domain_not_allowed',
  /** No active account has this e-mail, and its domain is not provisioned automatically. */
  'no_account',
] as const;
export type OidcErrorCode = (typeof OIDC_ERROR_CODES)[number];

export const isOidcErrorCode = (v: unknown): v is OidcErrorCode => typeof v === 'string' && (OIDC_ERROR_CODES as readonly string[]).includes(v);

/** The precise reason an `auth.oidcSignInFailed` audit row records, and the code the person sees. */
export const OIDC_FAILURE_REASONS = {
  no_attempt: 'expired',
  state_mismatch: 'mismatch',
  nonce_mismatch: 'mismatch',
  token_exchange_failed: 'mismatch',
  id_token_invalid: 'mismatch',
  provider_error: 'provider_refused',
  discovery_failed: 'unavailable',
  email_missing: 'email_unverified',
  email_unverified: 'email_unverified',
  domain_not_allowed: 'domain_not_allowed',
  no_account: 'no_account',
  account_inactive: 'no_account',
  agency_inactive: 'no_account',
  provision_agency_unknown: 'no_account',
} as const satisfies Record<string, OidcErrorCode>;
export type OidcFailureReason = keyof typeof OIDC_FAILURE_REASONS;

/**
 * Whether the provider's `amr` claim (RFC 8176) asserts that the person proved a second factor
 * there, so the portal does not ask for its own. Accepted:
 * - alone: `mfa` (multiple factors), `otp` (a one-time code), `hwk` (a hardware-bound key: a
 *   security key, a platform passkey), `sc` (a smart card, e.g. e.firma on a token);
 * - a possession factor `swk` (a software-bound key), `sms` or `tel` together with a knowledge
 *   factor (`pwd`, `pin`, `kba`) or an inherence one (`fpt`, `face`, `iris`, `retina`, `vbm`, `user`).
 * Anything else (`pwd` alone, a biometric alone, an empty or absent claim) is one factor.
 */
export const SECOND_FACTOR_AMR = ['mfa', 'otp', 'hwk', 'sc'] as const;
const POSSESSION_AMR = ['swk', 'sms', 'tel'] as const;
const KNOWLEDGE_OR_INHERENCE_AMR = ['pwd', 'pin', 'kba', 'fpt', 'face', 'iris', 'retina', 'vbm', 'user'] as const;

export function amrAssertsSecondFactor(amr: unknown): boolean {
  if (!Array.isArray(amr)) return false;
  const values = new Set(amr.filter((v): v is string => typeof v === 'string').map((v) => v.toLowerCase()));
  if (SECOND_FACTOR_AMR.some((v) => values.has(v))) return true;
  return POSSESSION_AMR.some((v) => values.has(v)) && KNOWLEDGE_OR_INHERENCE_AMR.some((v) => values.has(v));
}

/** The domain of an e-mail address (after the last `@`), lower case; null when there is none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  const domain =
    at > 0
      ? email
          .slice(at + 1)
          .trim()
          .toLowerCase()
      : '';
  return domain ? domain : null;
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const AGENCY_CODE = /^[A-Z0-9_-]{2,32}$/;

/** `a.gob.mx, B.gob.mx` → `['a.gob.mx', 'b.gob.mx']`; an entry that is not a domain name is an issue. */
export const OidcDomainList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((d) => d.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(DOMAIN, { error: 'each entry must be an e-mail domain such as sedena.gob.mx' })));

/** `sedena.gob.mx=SEDENA,semar.gob.mx=SEMAR` → `{ 'sedena.gob.mx': 'SEDENA', … }` (agency codes). */
export const OidcAutoProvision = z.string().transform((s, ctx) => {
  const out: Record<string, string> = {};
  for (const raw of s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = raw.indexOf('=');
    const domain = raw.slice(0, eq).trim().toLowerCase();
    const code = raw
      .slice(eq + 1)
      .trim()
      .toUpperCase();
    if (eq < 1 || !DOMAIN.test(domain) || !AGENCY_CODE.test(code)) {
      ctx.addIssue({ code: 'custom', message: `"${raw.slice(0, 80)}" is not domain=AGENCY_CODE (e.g. sedena.gob.mx=SEDENA)` });
      return z.NEVER;
    }
    if (out[domain] !== undefined) {
      ctx.addIssue({ code: 'custom', message: `${domain} is mapped twice` });
      return z.NEVER;
    }
    out[domain] = code;
  }
  return out;
});

/** What a sign-in is decided on: the ID token's claims, verified by the protocol layer. */
export interface OidcIdentity {
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  amr: string[];
  locale: string | null;
}

/** The claims of a verified ID token as an identity. `email_verified` must be the JSON `true`. */
export function oidcIdentity(claims: Record<string, unknown>): OidcIdentity {
  const email = typeof claims.email === 'string' && claims.email.trim() ? claims.email.trim().toLowerCase() : null;
  const given = typeof claims.given_name === 'string' ? claims.given_name.trim() : '';
  const family = typeof claims.family_name === 'string' ? claims.family_name.trim() : '';
  const full = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : `${given} ${family}`.trim();
  return {
    email,
    emailVerified: claims.email_verified === true,
    name: full ? full.slice(0, 200) : null,
    amr: Array.isArray(claims.amr)
      ? claims.amr
          .filter((v): v is string => typeof v === 'string')
          .slice(0, 20)
          .map((v) => v.slice(0, 40))
      : [],
    locale: typeof claims.locale === 'string' ? claims.locale : null,
  };
}

export type OidcGate = { ok: true; email: string; domain: string } | { ok: false; reason: 'email_missing' | 'email_unverified' | 'domain_not_allowed' };

/** The checks before any account is looked up: a verified e-mail in an allowed domain (exact match, no subdomains). */
export function oidcGate(identity: OidcIdentity, allowedDomains: readonly string[]): OidcGate {
  if (!identity.email) return { ok: false, reason: 'email_missing' };
  if (!identity.emailVerified) return { ok: false, reason: 'email_unverified' };
  const domain = emailDomain(identity.email);
  if (!domain || !allowedDomains.includes(domain)) return { ok: false, reason: 'domain_not_allowed' };
  return { ok: true, email: identity.email, domain };
}

/**
 * Where to go after signing in: a path of the portal only (`/incidentes?x=1`), never another
 * origin (`//evil.example`, `/\evil`, `https://…`); anything else is the dashboard.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 500) return '/';
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || [...value].some((c) => c.charCodeAt(0) < 0x20)) return '/';
  return value;
}

/** `auth.config`: what the sign-in page offers before anyone is signed in. */
export const AuthConfigOutput = z.object({ oidc: z.boolean() });
export type AuthConfigOutput = z.infer<typeof AuthConfigOutput>;
