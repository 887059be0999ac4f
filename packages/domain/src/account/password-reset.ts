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
