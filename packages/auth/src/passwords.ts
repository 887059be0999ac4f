import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { NewPassword } from '@anc/domain';

// argon2id is the library's default algorithm; these are OWASP's minimum parameters for it.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };

export const hashPassword = (password: string) => hash(password, ARGON2_OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

/** Verified when the e-mail is unknown, so that both answers take the same time. */
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword('anc-dummy-password-for-timing');
  await verifyPassword(await dummyHash, password);
}

let estimator: ZxcvbnFactory | undefined;

/**
 * Why a new password is refused, as a message key, or null. Length comes from the shared schema;
 * "common" means zxcvbn (with its list of the most common passwords, names and keyboard
 * patterns) scores it below 3 of 4, also counting the account's own e-mail and name as guessable.
 */
export function passwordProblem(password: string, userInputs: string[] = []): 'password_too_short' | 'too_long' | 'password_too_common' | null {
  const shape = NewPassword.safeParse(password);
  if (!shape.success) return shape.error.issues[0]?.message === 'too_long' ? 'too_long' : 'password_too_short';
  estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  // The whole input, its words, and its words run together ("ana.perez@…" → "anaperez").
  const inputs = userInputs
    .map((s) => s.toLowerCase())
    .flatMap((s) => {
      const words = s.split(/[@.\s_-]+/);
      return [s, ...words, words.join(''), (s.split('@')[0] ?? '').replace(/[^a-z0-9]/g, '')];
    })
    .filter((s) => s.length >= 3);
  return estimator.check(password, inputs).score < 3 ? 'password_too_common' : null;
}
