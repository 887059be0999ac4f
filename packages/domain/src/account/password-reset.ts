/**
 * Password reset by e-mail (issue 12 point 5): a link valid this long, used once. The token is 32
 * random bytes the person receives; the database keeps only its SHA-256 (packages/auth/src/password-reset.ts).
 */
export const PASSWORD_RESET_TTL_MS = 30 * 60_000;

/** The portal page the e-mail links to: `${PUBLIC_URL}/restablecer?token=…`. */
export const PASSWORD_RESET_PATH = '/restablecer';

export const passwordResetLink = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}${PASSWORD_RESET_PATH}?token=${encodeURIComponent(token)}`;

/** The outbox key of a reset mail: one message per token. */
export const passwordResetDedupeKey = (tokenId: string) => `password_reset:${tokenId}`;

/**
 * A reset mail as an administrator sees it on "Correo saliente": the link's token hidden (an
 * admin holding it could take over the account). Other mail is shown as sent.
 */
export const RESET_TOKEN_HIDDEN = '••••••';
export function hideResetToken(kind: string, body: string): string {
  return kind === 'password_reset' ? body.replace(/([?&](?:amp;)?token=)[^\s"'&<>]+/g, `$1${RESET_TOKEN_HIDDEN}`) : body;
}
