import { ChangePasswordInput, MeOutput, SetLocaleInput, SignInInput } from '@anc/domain';
import { procedureFor, publicProcedure, router } from '../../trpc/init.ts';
import { changePassword } from './change-password.ts';
import { getMe } from './get-me.ts';
import { setLocale } from './set-locale.ts';
import { signIn } from './sign-in.ts';
import { signOut } from './sign-out.ts';

export const authRouter = router({
  signIn: publicProcedure.input(SignInInput).mutation(({ ctx, input }) => signIn(ctx, input)),
  signOut: procedureFor('auth.signOut').mutation(({ ctx }) => signOut(ctx)),
  me: publicProcedure.output(MeOutput).query(({ ctx }) => getMe(ctx)),
  setLocale: procedureFor('auth.setLocale')
    .input(SetLocaleInput)
    .mutation(({ ctx, input }) => setLocale(ctx, input)),
  changePassword: procedureFor('auth.changePassword')
    .input(ChangePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
});
