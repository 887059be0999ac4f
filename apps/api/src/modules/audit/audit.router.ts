import { AuditListInput } from '@anc/domain';
import { procedureFor, router } from '../../trpc/init.ts';
import { listAuditEvents } from './list-audit.ts';
import { verifyAudit } from './verify-audit.ts';

export const auditRouter = router({
  list: procedureFor('admin.audit.list')
    .input(AuditListInput)
    .query(({ ctx, input }) => listAuditEvents(ctx, input)),
  verify: procedureFor('admin.audit.verify').query(({ ctx }) => verifyAudit(ctx)),
});
