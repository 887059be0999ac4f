import type { oidcEsMX } from './oidc.es-MX.ts';

export const oidcEn: typeof oidcEsMX = {
  button: 'Sign in with your institutional account',
  or: 'or with your e-mail and password',
  errorTitle: 'Could not sign in with your institutional account',
  errors: {
    expired: 'The sign-in took too long or was opened in another tab. Please try again.',
    mismatch: 'The identity provider’s answer does not belong to this sign-in. Please start again from this page.',
    provider_refused: 'The identity provider did not authorise the sign-in (perhaps it was cancelled). Please try again.',
    unavailable: 'The identity provider could not be reached. Try again later or sign in with your e-mail and password.',
    email_unverified: 'The identity provider does not confirm that your account’s e-mail is verified. Ask your IT team to verify it.',
    domain_not_allowed: 'Your e-mail domain is not enabled for signing in with an institutional account.',
    no_account: 'There is no active portal account for your e-mail. Ask the ANC administration to create or reactivate it.',
  },
  audit: {
    signIn: 'Signed in with an institutional account',
    signInFailed: 'Failed institutional-account sign-in',
    provision: 'Account created at an institutional-account sign-in',
  },
};
