import type { SessionUser } from '@anc/domain';
import { hashKey, useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { queryClient, trpc } from './trpc.ts';

export const meQueryOptions = () => trpc.auth.me.queryOptions(undefined, { staleTime: 60_000 });

/** The signed-in user of the page being shown (provided by the app layout). */
export const CurrentUserContext = createContext<SessionUser | null>(null);

export function useCurrentUser(): SessionUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser() is only available inside the signed-in layout');
  return user;
}

export type SessionEnd = 'expired' | 'signedOut';

type SignInNavigation = (end: { reason: SessionEnd; redirect: string | undefined }) => Promise<void>;
let goToSignIn: SignInNavigation = async () => {};

/** The router registers how to reach the sign-in page (kept out of here to avoid an import cycle). */
export function registerSignInNavigation(navigate: SignInNavigation): void {
  goToSignIn = navigate;
}

let ending = false;

/**
 * Forget the session on this page and go to the sign-in page. After an expiry the person is sent
 * back to where they were once they sign in again.
 */
export async function endSession(reason: SessionEnd): Promise<void> {
  if (ending) return;
  ending = true;
  try {
    const here = `${window.location.pathname}${window.location.search}${window.location.hash}`;
    queryClient.setQueryData(meQueryOptions().queryKey, { user: null });
    await goToSignIn({ reason, redirect: reason === 'expired' ? here : undefined });
    const meHash = hashKey(meQueryOptions().queryKey);
    queryClient.removeQueries({ predicate: (query) => query.queryHash !== meHash });
  } finally {
    ending = false;
  }
}

export const isEndingSession = () => ending;

/** Whether this page believes someone is signed in (a failed sign-in is not an expiry). */
export const hasSessionUser = () => Boolean(queryClient.getQueryData(meQueryOptions().queryKey)?.user);

/** Only same-site paths are followed after sign-in (never an absolute URL from the query string). */
export function safeRedirect(target: string | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
  if (target.startsWith('/ingresar')) return '/';
  return target;
}

/** The account must enrol a second factor before anything else (MFA_REQUIRED_ROLES): only its security page works. */
export function useMfaEnrollmentRequired(): boolean {
  const { data } = useQuery(meQueryOptions());
  return data?.mfaEnrollmentRequired ?? false;
}

/** Where an account that must enrol is sent, whatever it opens. */
export const SECURITY_PATH = '/cuenta/seguridad';
