import { listDirectoryAgencies } from '@anc/db';
import { DIRECTORY_LIST_MAX, type ListDirectoryInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildDirectoryList, type DirectoryListItemDto } from './directory-dto.ts';

/**
 * Every agency the directory covers (coordinators and admins), by code, with its state; `state`
 * keeps those in one state. Not paginated: the bodies are a few dozen (at most a few hundred), and
 * the answer is bounded at DIRECTORY_LIST_MAX; `truncated` says when that bound cut it.
 */
export async function listDirectory(ctx: UseCaseContext, input: ListDirectoryInput, policyEffectiveDate: string, now = new Date()) {
  const rows = await listDirectoryAgencies(ctx.db, DIRECTORY_LIST_MAX + 1);
  const items: DirectoryListItemDto[] = await buildDirectoryList(ctx.db, rows.slice(0, DIRECTORY_LIST_MAX), policyEffectiveDate, now);
  const counts = { pending: 0, due_soon: 0, overdue: 0, complete: 0 };
  for (const i of items) counts[i.designationState] += 1;
  return {
    items: input.state ? items.filter((i) => i.designationState === input.state) : items,
    counts,
    truncated: rows.length > DIRECTORY_LIST_MAX,
  };
}
