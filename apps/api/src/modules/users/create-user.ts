import { hashPassword } from '@anc/auth';
import { insertUser, isUniqueViolation, writeAudit } from '@anc/db';
import { DomainError, auditDiff, type CreateUserInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { assertAgencyFits } from './assert-agency-fits.ts';
import { assertStrongPassword } from './check-password.ts';
import { toUserDto, userAuditFields } from './user-dto.ts';

export const emailTaken = (cause?: unknown) => new DomainError('CONFLICT', 'email_taken', { fieldErrors: { email: ['email_taken'] }, cause });

export async function createUser(ctx: UseCaseContext, input: CreateUserInput) {
  await assertStrongPassword(ctx.db, input.password, 'password', [input.email, input.name]);
  // Hashing is slow on purpose: do it before the transaction opens.
  const passwordHash = await hashPassword(input.password);
  try {
    return await ctx.db.transaction(async (tx) => {
      const agency = await assertAgencyFits(tx, input.agencyId, input.role);
      const user = await insertUser(tx, {
        email: input.email,
        name: input.name,
        role: input.role,
        agencyId: agency.id,
        locale: input.locale,
        passwordHash,
      });
      await writeAudit(tx, {
        actorId: ctx.actor.userId,
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        diff: auditDiff(null, userAuditFields(user)),
        origin: ctx.origin,
      });
      return toUserDto(user, agency);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw emailTaken(e);
    throw e;
  }
}
