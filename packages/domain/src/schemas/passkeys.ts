import { z } from 'zod';
import { PASSKEY_NAME_MAX } from '../account/passkeys.ts';
import { Id, Str, text } from './common.ts';

/** docs/API.md "MFA": passkeys, registered, listed, renamed and removed by their owner. */
export const PasskeyName = text(1, PASSKEY_NAME_MAX);

/** base64url text as WebAuthn's JSON encodings carry it, bounded. */
const B64u = (max: number) =>
  Str()
    .max(max, { error: 'too_long' })
    .regex(/^[A-Za-z0-9_-]*$/, { error: 'passkey_invalid' });

const Transports = z.array(Str().max(32, { error: 'too_long' })).max(10, { error: 'too_many' });
const Attachment = z.enum(['platform', 'cross-platform'], { error: 'invalid_option' });
// The server reads no client extension output: whatever the browser reports is dropped.
const ExtensionResults = z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), { error: 'passkey_invalid' }).transform(() => ({}));

/** What @simplewebauthn/browser's `startRegistration()` answers (RegistrationResponseJSON). */
export const PasskeyRegistrationResponse = z.object({
  id: B64u(1366).min(1, { error: 'required' }),
  rawId: B64u(1366).min(1, { error: 'required' }),
  type: z.literal('public-key', { error: 'passkey_invalid' }),
  response: z.object({
    clientDataJSON: B64u(8192).min(1, { error: 'required' }),
    attestationObject: B64u(32_768).min(1, { error: 'required' }),
    authenticatorData: B64u(8192).optional(),
    transports: Transports.optional(),
    publicKeyAlgorithm: z.number().int().optional(),
    publicKey: B64u(8192).optional(),
  }),
  authenticatorAttachment: Attachment.optional(),
  clientExtensionResults: ExtensionResults,
});
export type PasskeyRegistrationResponse = z.infer<typeof PasskeyRegistrationResponse>;

/** What @simplewebauthn/browser's `startAuthentication()` answers (AuthenticationResponseJSON). */
export const PasskeyAuthenticationResponse = z.object({
  id: B64u(1366).min(1, { error: 'required' }),
  rawId: B64u(1366).min(1, { error: 'required' }),
  type: z.literal('public-key', { error: 'passkey_invalid' }),
  response: z.object({
    clientDataJSON: B64u(8192).min(1, { error: 'required' }),
    authenticatorData: B64u(8192).min(1, { error: 'required' }),
    signature: B64u(2048).min(1, { error: 'required' }),
    userHandle: B64u(1024).optional(),
  }),
  authenticatorAttachment: Attachment.optional(),
  clientExtensionResults: ExtensionResults,
});
export type PasskeyAuthenticationResponse = z.infer<typeof PasskeyAuthenticationResponse>;

export const RegisterPasskeyInput = z.object({ name: PasskeyName, response: PasskeyRegistrationResponse });
export type RegisterPasskeyInput = z.infer<typeof RegisterPasskeyInput>;

export const RenamePasskeyInput = z.object({ id: Id, name: PasskeyName });
export type RenamePasskeyInput = z.infer<typeof RenamePasskeyInput>;

export const RemovePasskeyInput = z.object({ id: Id });
export type RemovePasskeyInput = z.infer<typeof RemovePasskeyInput>;

export const VerifyMfaPasskeyInput = z.object({ response: PasskeyAuthenticationResponse });
export type VerifyMfaPasskeyInput = z.infer<typeof VerifyMfaPasskeyInput>;

/** A passkey as its owner sees it (never the key or the credential id). */
export const PasskeySummary = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  backedUp: z.boolean(),
});
export type PasskeySummary = z.infer<typeof PasskeySummary>;

export const PasskeyList = z.object({ items: z.array(PasskeySummary) });
export type PasskeyList = z.infer<typeof PasskeyList>;
