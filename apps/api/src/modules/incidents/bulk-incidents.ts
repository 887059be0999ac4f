import { getPlaybook, incidentsMatching, readableReferences, type BulkTarget } from '@anc/db';
import {
  BULK_MAX_ITEMS,
  BULK_TRIAGE_STEP,
  DomainError,
  bulkFailureOf,
  messageFor,
  withOwnerResolved,
  type BulkCountInput,
  type BulkIncidentsInput,
  type BulkItemResult,
  type BulkResult,
} from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { applyPlaybookToIncident } from '../playbooks/apply-playbook.ts';
import { assertVersion, readableOr404 } from './incident-rules.ts';
import { shareIncidentRow } from './share-incident.ts';
import { transitionIncidentRow } from './transition-incident.ts';

/**
 * One action on many incidents (packages/domain/src/incidents/bulk.ts). Each item runs the single
 * action's own use-case in its own transaction — its checks, version check, event, notifications
 * and audit row — one after the other, so a failure (a stale version, a state or TLP that does not
 * allow it, an incident the caller may not read) is reported for that item and undoes nothing else.
 */
export async function bulkIncidents(ctx: UseCaseContext, input: BulkIncidentsInput): Promise<BulkResult> {
  // A playbook that does not exist is a bad request, not one failure per incident.
  if (input.action === 'applyPlaybook' && !(input.playbookId && (await getPlaybook(ctx.db, input.playbookId)))) {
    throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { playbookId: ['playbook_not_found'] } });
  }
  const targets = await resolveTargets(ctx, input);
  const references = await readableReferences(
    ctx.db,
    ctx.actor,
    targets.map((t) => t.id),
  );
  const items: BulkItemResult[] = [];
  for (const target of targets) {
    try {
      await applyOne(ctx, input, target);
      items.push({ id: target.id, reference: references.get(target.id) ?? null, ok: true, reason: null, message: null });
    } catch (error) {
      const failure = bulkFailureOf(error);
      items.push({
        id: target.id,
        // Nothing names an incident the caller may not read.
        reference: failure.reason === 'not_found' ? null : (references.get(target.id) ?? null),
        ok: false,
        reason: failure.reason,
        message: messageFor(failure.messageKey, ctx.locale),
      });
    }
  }
  const succeeded = items.filter((i) => i.ok).length;
  return { action: input.action, total: items.length, succeeded, failed: items.length - succeeded, items };
}

/** How many incidents a filter would select (up to one past the cap, to say "too many"). */
export async function countBulkSelection(ctx: UseCaseContext, input: BulkCountInput) {
  const found = await incidentsMatching(ctx.db, ctx.actor, withOwnerResolved(input.filter, ctx.actor), BULK_MAX_ITEMS + 1);
  return { count: Math.min(found.length, BULK_MAX_ITEMS), max: BULK_MAX_ITEMS, overLimit: found.length > BULK_MAX_ITEMS };
}

/** The ticked items (each id once, with the version its row showed), or the filter's matches at their current versions. */
async function resolveTargets(ctx: UseCaseContext, input: BulkIncidentsInput): Promise<{ id: string; version: number }[]> {
  if (input.items) {
    const seen = new Set<string>();
    return input.items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
  }
  const found: BulkTarget[] = await incidentsMatching(ctx.db, ctx.actor, withOwnerResolved(input.filter ?? {}, ctx.actor), BULK_MAX_ITEMS + 1);
  if (found.length > BULK_MAX_ITEMS) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { filter: ['bulk_too_many'] } });
  return found;
}

async function applyOne(ctx: UseCaseContext, input: BulkIncidentsInput, target: { id: string; version: number }): Promise<void> {
  switch (input.action) {
    case 'triage':
      await transitionIncidentRow(ctx, {
        id: target.id,
        version: target.version,
        to: BULK_TRIAGE_STEP.to,
        ...(input.reason && { reason: input.reason }),
        ...(input.visibility && { visibility: input.visibility }),
      });
      return;
    case 'share':
      await shareIncidentRow(ctx, { id: target.id, agencyIds: input.agencyIds, allAgencies: input.allAgencies });
      return;
    case 'applyPlaybook': {
      const playbookId = input.playbookId;
      if (!playbookId) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { playbookId: ['required'] } });
      // The version check of the row the coordinator saw, then the playbook's own use-case in a
      // savepoint of the same transaction (modules/playbooks/apply-playbook.ts): once per incident.
      await ctx.db.transaction(async (tx) => {
        assertVersion(await readableOr404(tx, ctx.actor, target.id, { forUpdate: true }), target.version);
        await applyPlaybookToIncident({ ...ctx, db: tx }, { incidentId: target.id, playbookId });
      });
      return;
    }
  }
}
