import { getPlaybook, listPlaybooks as readPlaybooks } from '@anc/db';
import { DomainError, type RsitClass } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toPlaybookDto } from './playbook-dto.ts';

/** Every playbook (at most one per RSIT class), by class; anyone signed in reads them. */
export async function listPlaybooks(ctx: UseCaseContext, input: { rsitClass?: RsitClass | undefined } | undefined) {
  const rows = await readPlaybooks(ctx.db, input?.rsitClass ? { rsitClass: input.rsitClass } : {});
  return { items: rows.map(toPlaybookDto) };
}

export async function getPlaybookById(ctx: UseCaseContext, input: { id: string }) {
  const row = await getPlaybook(ctx.db, input.id);
  if (!row) throw new DomainError('NOT_FOUND', 'not_found');
  return toPlaybookDto(row);
}
