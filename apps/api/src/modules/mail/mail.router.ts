import { GetMailInput, ListMailOutboxInput } from '@anc/domain';
import { procedureFor, router } from '../../trpc/init.ts';
import { getMail } from './get-mail.ts';
import { listMail } from './list-mail.ts';

/** "Correo saliente" (issue 12): admins watch the e-mail outbox. */
export const mailOutboxRouter = router({
  list: procedureFor('mailOutbox.list')
    .input(ListMailOutboxInput)
    .query(({ ctx, input }) => listMail(ctx, input, { delivery: ctx.env.SMTP_URL ? 'smtp' : 'held', maxAttempts: ctx.env.MAIL_MAX_ATTEMPTS })),
  get: procedureFor('mailOutbox.get')
    .input(GetMailInput)
    .query(({ ctx, input }) => getMail(ctx, input)),
});
