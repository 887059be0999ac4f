import type { AuditOrigin } from '@anc/db';

/** Where a mutation came from, as recorded in its audit row. */
export const auditOrigin = (request: { requestId: string; ip: string; userAgent: string | undefined }): AuditOrigin => ({
  requestId: request.requestId,
  ip: request.ip,
  userAgent: request.userAgent?.slice(0, 300),
});
