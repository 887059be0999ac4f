import { listUserSessions } from '@anc/db';
import type { SessionListOutput } from '@anc/domain';
import type { SessionContext, UseCaseContext } from '../use-case.ts';

/**
 * The caller's own live sessions (docs/API.md "Sessions of my own"). Each is named by its public
 * id, never by its stored key (the token's hash); `current` marks the one making this call, listed first.
 */
export async function listSessions(ctx: UseCaseContext & Pick<SessionContext, 'sessionId'>, now = new Date()): Promise<SessionListOutput> {
  const rows = await listUserSessions(ctx.db, ctx.actor.userId, now);
  // This session first, then the others as the query orders them (the most recently seen first).
  const ordered = [...rows.filter((r) => r.id === ctx.sessionId), ...rows.filter((r) => r.id !== ctx.sessionId)];
  return {
    items: ordered.map((row) => ({
      id: row.publicId,
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
      userAgent: row.userAgent,
      address: row.ip,
      current: row.id === ctx.sessionId,
    })),
  };
}
