import { and, eq, sql } from 'drizzle-orm';
import { getPlaybook, isUniqueViolation, playbooks, writeAudit } from '@anc/db';
import { DomainError, auditDiff, type UpsertPlaybookData } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { playbookAuditFields, toPlaybookDto } from './playbook-dto.ts';

const classTaken = (cause: unknown) => new DomainError('CONFLICT', 'playbook_class_taken', { fieldErrors: { rsitClass: ['playbook_class_taken'] }, cause });

/**
 * An admin creates a playbook (no `id`) or replaces one's title, class and steps (with the
 * `version` they read: a stale one answers CONFLICT). One playbook per RSIT class: a class that
 * has one already is refused on `rsitClass`. One transaction with its audit row.
 */
export async function upsertPlaybook(ctx: UseCaseContext, input: UpsertPlaybookData) {
  const steps = input.steps.map((s) => ({ title: s.title, description: s.description, assignTo: s.assignTo, dueAfterHours: s.dueAfterHours }));
  try {
    return await ctx.db.transaction(async (tx) => {
      const now = new Date();
      if (!input.id) {
        const [row] = await tx
          .insert(playbooks)
          .values({
            rsitClass: input.rsitClass,
            title: input.title,
            steps,
            createdBy: ctx.actor.userId,
            updatedBy: ctx.actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning();
        if (!row) throw classTaken(null);
        await writeAudit(tx, {
          actorId: ctx.actor.userId,
          action: 'playbook.create',
          entityType: 'playbook',
          entityId: row.id,
          diff: auditDiff(null, playbookAuditFields(row)),
          origin: ctx.origin,
        });
        return toPlaybookDto(row);
      }
      const before = await getPlaybook(tx, input.id);
      if (!before) throw new DomainError('NOT_FOUND', 'not_found');
      const [row] = await tx
        .update(playbooks)
        .set({ rsitClass: input.rsitClass, title: input.title, steps, updatedBy: ctx.actor.userId, updatedAt: now, version: sql`${playbooks.version} + 1` })
        .where(and(eq(playbooks.id, input.id), eq(playbooks.version, input.version ?? -1)))
        .returning();
      if (!row) throw new DomainError('CONFLICT', 'stale_version');
      await writeAudit(tx, {
        actorId: ctx.actor.userId,
        action: 'playbook.update',
        entityType: 'playbook',
        entityId: row.id,
        diff: auditDiff(playbookAuditFields(before), playbookAuditFields(row)),
        origin: ctx.origin,
      });
      return toPlaybookDto(row);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw classTaken(e);
    throw e;
  }
}
