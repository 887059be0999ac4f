// Passkeys registered the way the portal registers them (options, then the authenticator's
// answer), for the tests that need an account with a passkey.
import type { Client } from './incidents.ts';
import { SoftAuthenticator } from './soft-authenticator.ts';

/** Registers a new software passkey for the client's account; answers the authenticator and the passkey. */
export async function registerSoftPasskey(client: Client, origin: string, name = 'Llave de prueba') {
  const authenticator = new SoftAuthenticator({ origin });
  const options = await client.trpc.auth.mfa.passkeyRegistrationOptions.mutate();
  const passkey = await client.trpc.auth.mfa.registerPasskey.mutate({ name, response: authenticator.register(options) });
  return { authenticator, passkey };
}
