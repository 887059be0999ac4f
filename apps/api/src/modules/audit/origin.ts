import type { AuditOrigin } from '@anc/db';
import type { InnerContext } from '../../trpc/context.ts';

/** Where a mutation came from, as recorded in its audit row. */
export const auditOrigin = (ctx: Pick<InnerContext, 'request'>): AuditOrigin => ({
  requestId: ctx.request.requestId,
  ip: ctx.request.ip,
  userAgent: ctx.request.userAgent?.slice(0, 300),
});
