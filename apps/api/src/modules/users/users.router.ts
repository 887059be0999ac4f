import { CreateUserInput, ListUsersInput, ResetMfaInput, ResetPasswordInput, SetActiveInput, UpdateUserInput } from '@anc/domain';
import { procedureFor, router } from '../../trpc/init.ts';
import { createUser } from './create-user.ts';
import { listUsers } from './list-users.ts';
import { resetMfa } from './reset-mfa.ts';
import { resetPassword } from './reset-password.ts';
import { setUserActive } from './set-user-active.ts';
import { updateUser } from './update-user.ts';

export const adminUsersRouter = router({
  list: procedureFor('admin.users.list')
    .input(ListUsersInput)
    .query(({ ctx, input }) => listUsers(ctx, input)),
  create: procedureFor('admin.users.create')
    .input(CreateUserInput)
    .mutation(({ ctx, input }) => createUser(ctx, input)),
  update: procedureFor('admin.users.update')
    .input(UpdateUserInput)
    .mutation(({ ctx, input }) => updateUser(ctx, input)),
  setActive: procedureFor('admin.users.setActive')
    .input(SetActiveInput)
    .mutation(({ ctx, input }) => setUserActive(ctx, input)),
  resetPassword: procedureFor('admin.users.resetPassword')
    .input(ResetPasswordInput)
    .mutation(({ ctx, input }) => resetPassword(ctx, input)),
  // A person who lost every factor: their TOTP, recovery codes and sessions end (docs/API.md "MFA").
  resetMfa: procedureFor('admin.users.resetMfa')
    .input(ResetMfaInput)
    .mutation(({ ctx, input }) => resetMfa(ctx, input)),
});
