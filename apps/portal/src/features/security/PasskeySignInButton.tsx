/**
 * "Usar una llave de acceso" on the sign-in's second step: the pending sign-in's options, the
 * browser's prompt (@simplewebauthn/browser), then `auth.verifyMfaPasskey`. The page owns what
 * follows (signed in, back to the password, a message above the form).
 */
import { Button } from '@mantine/core';
import { browserSupportsWebAuthn, startAuthentication } from '@simplewebauthn/browser';
import { IconFingerprint } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { readApiError } from '../../lib/errors.ts';
import { trpcClient } from '../../lib/trpc.ts';
import { webAuthnProblem } from './PasskeysSection.tsx';

export type PasskeySignInFailure = { kind: 'throttled' | 'expired' | 'other'; message: string };

export function PasskeySignInButton({
  onSignedIn,
  onFailure,
  onStart,
}: {
  onSignedIn: () => Promise<void>;
  onFailure: (failure: PasskeySignInFailure) => void;
  onStart: () => void;
}) {
  const { t } = useTranslation();
  const use = useMutation({
    mutationFn: async () => {
      const optionsJSON = await trpcClient.auth.mfa.passkeyAuthenticationOptions.mutate();
      const response = await startAuthentication({ optionsJSON });
      return trpcClient.auth.verifyMfaPasskey.mutate({ response });
    },
    onSuccess: onSignedIn,
    onError: (error) => {
      const browser = webAuthnProblem(error);
      if (browser)
        return onFailure({ kind: 'other', message: t(browser === 'cancelled' ? 'account.passkeys.signInCancelled' : 'account.passkeys.browserFailed') });
      const info = readApiError(error);
      if (info.code === 'TOO_MANY_REQUESTS') return onFailure({ kind: 'throttled', message: t('signIn.throttled') });
      if (info.reason === 'mfa_sign_in_expired') return onFailure({ kind: 'expired', message: t('security.signIn.expired') });
      if (info.reason === 'passkey_unknown') return onFailure({ kind: 'other', message: t('account.passkeys.signInNone') });
      onFailure({ kind: 'other', message: info.message ?? t('errors.unexpected') });
    },
  });
  if (!browserSupportsWebAuthn()) return null;
  return (
    <Button
      variant="default"
      fullWidth
      size="md"
      leftSection={<IconFingerprint size={18} aria-hidden />}
      loading={use.isPending}
      onClick={() => {
        onStart();
        use.mutate();
      }}
      data-testid="mfa-use-passkey"
    >
      {t('account.passkeys.signInUse')}
    </Button>
  );
}
