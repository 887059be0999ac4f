import { listUserPasskeys } from '@anc/db';
import type { PasskeyList } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toPasskeySummary } from './passkey-dto.ts';

/** `auth.mfa.passkeys`: the caller's own passkeys, oldest first. */
export async function listPasskeys(ctx: UseCaseContext): Promise<PasskeyList> {
  return { items: (await listUserPasskeys(ctx.db, ctx.actor.userId)).map(toPasskeySummary) };
}
