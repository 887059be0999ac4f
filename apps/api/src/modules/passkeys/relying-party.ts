import { relyingPartyFor, type RelyingParty } from '@anc/domain';
import type { Env } from '../../env.ts';

/**
 * The WebAuthn relying party of this deployment: PUBLIC_URL (else the first PUBLIC_ORIGIN) names the
 * host passkeys are bound to. With neither set (outside production only: production requires
 * PUBLIC_ORIGIN) it is the origin the request reached, as the Origin check of mutations does, so a
 * portal opened at http://localhost:3000 works with no setting.
 */
export function relyingParty(env: Pick<Env, 'PUBLIC_URL' | 'publicOrigins'>, selfOrigin: string): RelyingParty {
  const configured = env.PUBLIC_URL ?? env.publicOrigins[0];
  return relyingPartyFor(configured ?? selfOrigin, env.publicOrigins);
}

/** Shown by the browser's passkey prompt. */
export const RP_NAME = 'Portal de coordinación ANC';
