import { listUsers as queryUsers } from '@anc/db';
import type { ListUsersInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toUserDto } from './user-dto.ts';

export async function listUsers(ctx: UseCaseContext, input: ListUsersInput) {
  const { rows, nextCursor } = await queryUsers(ctx.db, input);
  return { items: rows.map((r) => toUserDto(r.user, r.agency)), nextCursor };
}
