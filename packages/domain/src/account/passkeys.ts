/**
 * Passkeys (WebAuthn) as a second factor (issue 13 point 2): the rules the API applies around
 * @simplewebauthn/server, kept pure so they are unit-tested without a browser or a database.
 */
import { decodeBase64urlIgnorePadding } from '@oslojs/encoding';

/** A challenge handed to the browser lives this long, and is taken once. */
export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000;

/** How long the browser lets the person answer its prompt (WebAuthn `timeout`). */
export const PASSKEY_CEREMONY_TIMEOUT_MS = 2 * 60_000;

/** Passkeys one account may hold: enough for a phone, a laptop and a few security keys. */
export const MAX_PASSKEYS_PER_ACCOUNT = 10;

export const PASSKEY_NAME_MAX = 64;

/** The transports WebAuthn Level 3 names; anything else a browser reports is dropped. */
export const PASSKEY_TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;
export type PasskeyTransport = (typeof PASSKEY_TRANSPORTS)[number];

export const knownTransports = (values: readonly string[] | undefined): PasskeyTransport[] =>
  [...new Set(values ?? [])].filter((v): v is PasskeyTransport => (PASSKEY_TRANSPORTS as readonly string[]).includes(v));

export interface RelyingParty {
  /** The WebAuthn RP ID: the host name of the portal's address (no scheme, no port). */
  rpID: string;
  /** The origins a ceremony may come from (scheme://host[:port]). */
  origins: string[];
}

/**
 * The relying party of a portal reached at `publicUrl` (PUBLIC_URL): its host name is the RP ID a
 * passkey is bound to, and its origin is where ceremonies must happen. `otherOrigins` (the rest of
 * PUBLIC_ORIGIN) are accepted too when they are the same host or a subdomain of it; a browser
 * refuses any other, so keeping them would only mislead.
 */
export function relyingPartyFor(publicUrl: string, otherOrigins: readonly string[] = []): RelyingParty {
  const main = new URL(publicUrl);
  const rpID = main.hostname;
  const origins = [main.origin];
  for (const candidate of otherOrigins) {
    let url: URL;
    try {
      url = new URL(candidate);
    } catch {
      continue;
    }
    const sameSite = url.hostname === rpID || url.hostname.endsWith(`.${rpID}`);
    if (sameSite && !origins.includes(url.origin)) origins.push(url.origin);
  }
  return { rpID, origins };
}

/**
 * The challenge a browser's response answers, read from its clientDataJSON (base64url of a JSON
 * object), or null when that is not readable. The server looks the challenge up with it; the
 * library then checks the signature over the same bytes.
 */
export function challengeOfClientData(clientDataJSON: string): string | null {
  try {
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(decodeBase64urlIgnorePadding(clientDataJSON)));
    const challenge = (parsed as { challenge?: unknown } | null)?.challenge;
    return typeof challenge === 'string' && challenge.length > 0 && challenge.length <= 512 ? challenge : null;
  } catch {
    return null;
  }
}

/**
 * WebAuthn §7.2 step 22: an authenticator that keeps a signature counter must show a larger one
 * each time; one that keeps none reports 0 both times. Anything else may be a cloned key.
 */
export function passkeyCounterAcceptable(stored: number, received: number): boolean {
  if (stored === 0 && received === 0) return true;
  return received > stored;
}
