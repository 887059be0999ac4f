import { getUserWithAgency } from '@anc/db';
import type { MeOutput } from '@anc/domain';
import type { OpenUseCaseContext } from '../use-case.ts';
import { toSessionUser } from '../users/user-dto.ts';

/** Who is signed in, or `{ user: null }` (never an error: the portal asks before signing in). */
export async function getMe(ctx: Pick<OpenUseCaseContext, 'db' | 'actor'> & { mfaEnrollmentRequired?: boolean }): Promise<MeOutput> {
  if (!ctx.actor) return { user: null };
  const row = await getUserWithAgency(ctx.db, ctx.actor.userId);
  if (!row) return { user: null };
  // The portal leads such a person to "Seguridad de la cuenta" (MFA_REQUIRED_ROLES).
  return { user: toSessionUser(row.user, row.agency), mfaEnrollmentRequired: ctx.mfaEnrollmentRequired ?? false };
}
