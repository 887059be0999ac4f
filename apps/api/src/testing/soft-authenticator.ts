// A software WebAuthn authenticator for API tests: an ES256 key pair, attestation 'none', the
// authenticator data, CBOR and signatures WebAuthn §6 describes, built with node:crypto. It stands
// in for the browser and its authenticator (the browser tests use Chromium's virtual one), so the
// server's verification (@simplewebauthn/server) runs on real, signed answers.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { PasskeyAuthenticationResponse, PasskeyRegistrationResponse } from '@anc/domain';

type Cbor = number | string | Uint8Array | Cbor[] | Map<Cbor, Cbor>;

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 0x100) return Buffer.from([(major << 5) | 24, n]);
  if (n < 0x10000) return Buffer.from([(major << 5) | 25, n >> 8, n & 0xff]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}

/** The subset of CBOR (RFC 8949) an attestation object and a COSE key use. */
export function cbor(value: Cbor): Buffer {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'utf8');
    return Buffer.concat([head(3, bytes.length), bytes]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  if (Array.isArray(value)) return Buffer.concat([head(4, value.length), ...value.map(cbor)]);
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([k, v]) => [cbor(k), cbor(v)])]);
}

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
const b64u = (data: Uint8Array | string) => Buffer.from(data).toString('base64url');
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

const UP = 0x01;
const UV = 0x04;
const AT = 0x40;

export interface CeremonyOptions {
  challenge: string;
  /** Registration options carry `rp.id`; authentication options `rpId`. */
  rp?: { id?: string };
  rpId?: string;
}

export class SoftAuthenticator {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly cose: Buffer;
  /** The signature counter; a test may set it back to make a clone. */
  counter = 0;

  constructor(private readonly defaults: { origin: string; rpID?: string }) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    const jwk = publicKey.export({ format: 'jwk' });
    const x = Buffer.from(jwk.x ?? '', 'base64url');
    const y = Buffer.from(jwk.y ?? '', 'base64url');
    // COSE_Key: kty EC2 (2), alg ES256 (-7), crv P-256 (1), x, y.
    this.cose = cbor(
      new Map<Cbor, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, x],
        [-3, y],
      ]),
    );
  }

  get id(): string {
    return b64u(this.credentialId);
  }

  private clientData(type: 'webauthn.create' | 'webauthn.get', challenge: string, origin: string) {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), 'utf8');
  }

  /** Answers `navigator.credentials.create()` for these options. */
  register(options: CeremonyOptions, over: { origin?: string; rpID?: string; challenge?: string } = {}): PasskeyRegistrationResponse {
    const rpID = over.rpID ?? this.defaults.rpID ?? options.rp?.id ?? '';
    const clientDataJSON = this.clientData('webauthn.create', over.challenge ?? options.challenge, over.origin ?? this.defaults.origin);
    this.counter += 1;
    const credLen = Buffer.alloc(2);
    credLen.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([sha256(rpID), Buffer.from([UP | UV | AT]), u32(this.counter), Buffer.alloc(16), credLen, this.credentialId, this.cose]);
    const attestationObject = cbor(
      new Map<Cbor, Cbor>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]),
    );
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: { clientDataJSON: b64u(clientDataJSON), attestationObject: b64u(attestationObject), transports: ['internal'] },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }

  /** Answers `navigator.credentials.get()` for these options (signs with the counter + 1). */
  authenticate(options: CeremonyOptions, over: { origin?: string; rpID?: string; challenge?: string } = {}): PasskeyAuthenticationResponse {
    const rpID = over.rpID ?? this.defaults.rpID ?? options.rpId ?? '';
    const clientDataJSON = this.clientData('webauthn.get', over.challenge ?? options.challenge, over.origin ?? this.defaults.origin);
    this.counter += 1;
    const authData = Buffer.concat([sha256(rpID), Buffer.from([UP | UV]), u32(this.counter)]);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey);
    return {
      id: this.id,
      rawId: this.id,
      type: 'public-key',
      response: { clientDataJSON: b64u(clientDataJSON), authenticatorData: b64u(authData), signature: b64u(signature) },
      authenticatorAttachment: 'platform',
      clientExtensionResults: {},
    };
  }
}
