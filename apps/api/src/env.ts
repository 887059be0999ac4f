// The only reader of process.env: every setting is validated here, once, at start.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseMfaEncryptionKey } from '@anc/auth';
import {
  DEFAULT_POLICY_EFFECTIVE_DATE,
  defaultMfaRequiredRoles,
  isIsoDate,
  OidcAutoProvision,
  OidcDomainList,
  parseMfaRequiredRoles,
  type Role,
} from '@anc/domain';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
// `VAR=` (as a compose file passes an unset `${VAR:-}`) means "not set".
const absentIfEmpty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** The demo accounts' password unless DEMO_PASSWORD says otherwise (README "Demo accounts"). */
export const DEFAULT_DEMO_PASSWORD = 'Lince-Brumoso-Acantilado-83';

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().optional(),
    DATABASE_URL: z.url().optional(),
    PGLITE_DIR: z.string().default(`${repoRoot}.data/pglite`),
    DEMO_SEED: flag.default(false),
    DEMO_PASSWORD: z.string().min(12).default(DEFAULT_DEMO_PASSWORD),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /**
     * Origins allowed to send mutations, comma-separated; required in production. Absent (outside
     * production) → the request's own origin, as its Host header names it.
     */
    PUBLIC_ORIGIN: z.string().trim().optional(),
    /** Behind a reverse proxy: trust X-Forwarded-* for the client address and protocol. */
    TRUST_PROXY: flag.default(false),
    PORTAL_DIST: z.string().default(`${repoRoot}apps/portal/dist`),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(1200),
    /** How often each API process looks for tasks that became overdue (ms); 0 turns the job off in this process. */
    OVERDUE_JOB_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
    /** How often each API process looks for daily digests that are due (ms; they go at 08:00 Mexico City time); 0 turns it off here. */
    DIGEST_JOB_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
    /**
     * How often the live bell's event stream (GET /events/notifications) sends a heartbeat comment
     * and checks again that its session is still valid (ms).
     */
    EVENTS_HEARTBEAT_MS: z.coerce.number().int().min(50).default(15_000),
    /**
     * Where e-mail goes (`smtp://user:pass@host:587`, `smtps://…`). Absent → nothing leaves the
     * machine: messages stay in the outbox, shown to admins on "Correo saliente".
     */
    SMTP_URL: z.preprocess(
      absentIfEmpty,
      z
        .string()
        .trim()
        .regex(/^smtps?:\/\//, { error: 'an smtp:// or smtps:// URL' })
        .optional(),
    ),
    MAIL_FROM: z.preprocess(absentIfEmpty, z.string().trim().min(3).default('Portal ANC <no-responder@anc.gob.mx>')),
    /** The portal's address as people open it, for the links in e-mail; default: the first PUBLIC_ORIGIN, else http://localhost:PORT. */
    PUBLIC_URL: z.preprocess(absentIfEmpty, z.url().optional()),
    /** Failed deliveries before a message is marked dead. */
    MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
    /** How often each API process looks for mail to send (ms). */
    MAIL_POLL_INTERVAL_MS: z.coerce.number().int().min(10).default(2_000),
    /** First retry delay (ms); each further failure doubles it, at most 6 h. */
    MAIL_RETRY_BASE_MS: z.coerce.number().int().min(1).default(30_000),
    /**
     * Roles whose accounts must have a second factor (comma list; docs/API.md "MFA"). Absent →
     * `coordinator,admin` in production, nobody elsewhere; empty → nobody.
     */
    MFA_REQUIRED_ROLES: z
      .string()
      .optional()
      .superRefine((v, ctx) => {
        const parsed = v === undefined ? [] : parseMfaRequiredRoles(v);
        if (!Array.isArray(parsed)) ctx.addIssue({ code: 'custom', message: `unknown role(s): ${parsed.unknown.join(', ')} (staff, coordinator, admin)` });
      }),
    /**
     * The AES-256-GCM key TOTP secrets are encrypted with: 32 bytes as 64 hex digits or base64.
     * Required in production; elsewhere absent → generated once in the data folder (server.ts).
     */
    MFA_ENCRYPTION_KEY: z.preprocess(
      absentIfEmpty,
      z
        .string()
        .refine((v) => parseMfaEncryptionKey(v) !== null, { error: '32 bytes as 64 hex digits or base64 (openssl rand -base64 32)' })
        .optional(),
    ),
    /**
     * OpenID Connect single sign-on (README, security section). ISSUER, CLIENT_ID and ALLOWED_DOMAINS
     * together (CLIENT_SECRET too unless the provider registered a public client), or none.
     */
    OIDC_ISSUER: z.preprocess(absentIfEmpty, z.url({ protocol: /^https?$/ }).optional()),
    OIDC_CLIENT_ID: z.preprocess(absentIfEmpty, z.string().trim().max(500).optional()),
    /** Absent → a public client (PKCE alone, no client authentication). */
    OIDC_CLIENT_SECRET: z.preprocess(absentIfEmpty, z.string().max(2000).optional()),
    /** E-mail domains whose verified addresses may sign in this way, comma-separated (exact match). */
    OIDC_ALLOWED_DOMAINS: z.preprocess(absentIfEmpty, OidcDomainList.optional()),
    /** `domain=AGENCY_CODE,…`: an unknown verified address of such a domain gets a staff account in that agency. */
    OIDC_AUTO_PROVISION: z.preprocess(absentIfEmpty, OidcAutoProvision.optional()),
    /**
     * The day the Política General de Ciberseguridad para la APF took effect (YYYY-MM-DD, DOF 17 Dec
     * 2025): the institutional directory's designations fall due 60 calendar days later
     * (packages/domain/src/directory/clock.ts).
     */
    POLICY_EFFECTIVE_DATE: z.preprocess(
      absentIfEmpty,
      z.string().trim().refine(isIsoDate, { error: 'a calendar date YYYY-MM-DD, e.g. 2025-12-17' }).default(DEFAULT_POLICY_EFFECTIVE_DATE),
    ),
  })
  .superRefine((e, ctx) => {
    const set = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET, e.OIDC_ALLOWED_DOMAINS, e.OIDC_AUTO_PROVISION].some((v) => v !== undefined);
    if (!set) return;
    const missing = (['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_ALLOWED_DOMAINS'] as const).filter(
      (k) => e[k] === undefined || (k === 'OIDC_ALLOWED_DOMAINS' && !e[k]?.length),
    );
    for (const k of missing)
      ctx.addIssue({
        code: 'custom',
        path: [k],
        message: 'required when any OIDC_* setting is given (single sign-on needs the issuer, the client id and the allowed e-mail domains)',
      });
    if (e.NODE_ENV === 'production' && e.OIDC_ISSUER?.startsWith('http:')) {
      ctx.addIssue({ code: 'custom', path: ['OIDC_ISSUER'], message: 'must be an https:// URL in production' });
    }
    for (const domain of Object.keys(e.OIDC_AUTO_PROVISION ?? {})) {
      if (!e.OIDC_ALLOWED_DOMAINS?.includes(domain)) {
        ctx.addIssue({ code: 'custom', path: ['OIDC_AUTO_PROVISION'], message: `${domain} is not in OIDC_ALLOWED_DOMAINS` });
      }
    }
  })
  .transform((e) => ({
    ...e,
    HOST: e.HOST ?? (e.NODE_ENV === 'production' ? '0.0.0.0' : '127.0.0.1'),
    // Demo accounts with a published password never reach production.
    DEMO_SEED: e.DEMO_SEED && e.NODE_ENV !== 'production',
    DEMO_SEED_REFUSED: e.DEMO_SEED && e.NODE_ENV === 'production',
    publicOrigins: e.PUBLIC_ORIGIN ? e.PUBLIC_ORIGIN.split(',').map((o) => o.trim().replace(/\/$/, '')) : [],
    publicUrl: (e.PUBLIC_URL || e.PUBLIC_ORIGIN?.split(',')[0]?.trim() || `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    secureCookies: e.NODE_ENV === 'production',
    /**
     * Single sign-on, when configured. `redirectBase`: where the provider sends the browser back
     * (`${redirectBase}/auth/oidc/callback`): PUBLIC_URL (else the first PUBLIC_ORIGIN); with neither
     * (development, tests) the origin the browser used to start the sign-in.
     */
    oidc:
      e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_ALLOWED_DOMAINS?.length
        ? {
            issuer: e.OIDC_ISSUER,
            clientId: e.OIDC_CLIENT_ID,
            clientSecret: e.OIDC_CLIENT_SECRET ?? null,
            allowedDomains: e.OIDC_ALLOWED_DOMAINS,
            autoProvision: e.OIDC_AUTO_PROVISION ?? {},
            redirectBase: (e.PUBLIC_URL || e.PUBLIC_ORIGIN?.split(',')[0]?.trim())?.replace(/\/+$/, '') || null,
          }
        : null,
    policyEffectiveDate: e.POLICY_EFFECTIVE_DATE,
    mfaRequiredRoles:
      e.MFA_REQUIRED_ROLES === undefined ? defaultMfaRequiredRoles(e.NODE_ENV === 'production') : (parseMfaRequiredRoles(e.MFA_REQUIRED_ROLES) as Role[]),
    mfaEncryptionKey: e.MFA_ENCRYPTION_KEY === undefined ? null : parseMfaEncryptionKey(e.MFA_ENCRYPTION_KEY),
  }));

export type Env = z.infer<typeof EnvSchema>;

/**
 * `serving: false` for a command that answers no HTTP request (cli/create-admin.ts): it needs no
 * PUBLIC_ORIGIN.
 */
export function loadEnv(source: Record<string, string | undefined> = process.env, { serving = true } = {}): Env {
  const parsed = EnvSchema.safeParse(source);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  // Without it the Origin check compares against the Host header, which the client chooses.
  if (serving && source.NODE_ENV === 'production' && !source.PUBLIC_ORIGIN?.trim()) {
    problems.push(
      '  PUBLIC_ORIGIN: required when NODE_ENV=production: the address people open the portal at, e.g. https://portal.example (comma-separated for several)',
    );
  }
  if (serving && source.NODE_ENV === 'production' && !source.MFA_ENCRYPTION_KEY?.trim()) {
    problems.push(
      '  MFA_ENCRYPTION_KEY: required when NODE_ENV=production: 32 random bytes, e.g. `openssl rand -base64 32` (it encrypts the TOTP secrets; keep it with the database backups)',
    );
  }
  if (!parsed.success || problems.length) throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  return parsed.data;
}

/** Settings for tests: PGlite in memory, quiet logs. */
export const testEnv = (overrides: Record<string, string> = {}): Env =>
  loadEnv({ NODE_ENV: 'test', PORT: '0', PGLITE_DIR: 'memory', LOG_LEVEL: 'silent', MFA_ENCRYPTION_KEY: TEST_MFA_ENCRYPTION_KEY, ...overrides });

/** The tests' TOTP encryption key (never a deployment's: production sets its own). */
export const TEST_MFA_ENCRYPTION_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
