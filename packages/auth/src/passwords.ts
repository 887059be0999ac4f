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
 * The portal's own words, guessable by anyone who knows where the password is used: the agency's
 * name and acronym, its field, the government's domain and the country (issue 10, defect 14:
 * `ciberseguridad` was accepted). The agencies' codes and names come from the database
 * (apps/api/src/modules/users/check-password.ts).
 */
export const PORTAL_WORDS = [
  'ANC',
  'Agencia Nacional de Ciberseguridad',
  'National Cybersecurity Agency',
  'ciberseguridad',
  'cybersecurity',
  'seguridad',
  'gob',
  'gob.mx',
  'gobierno',
  'México',
  'mexico',
] as const;

/** Lower case, and also without accents ("Secretaría" → "secretaria"), as people type them in passwords. */
const spellings = (s: string) => {
  const lower = s.toLowerCase();
  const plain = lower.normalize('NFD').replace(/\p{M}/gu, '');
  return plain === lower ? [lower] : [lower, plain];
};

/**
 * Why a new password is refused, as a message key, or null. Length comes from the shared schema;
 * "common" means zxcvbn (with its list of the most common passwords, names and keyboard
 * patterns) scores it below 3 of 4, also counting as guessable the account's own e-mail and name
 * (`userInputs`) and the portal's own words (`PORTAL_WORDS`).
 */
export function passwordProblem(password: string, userInputs: string[] = []): 'password_too_short' | 'too_long' | 'password_too_common' | null {
  const shape = NewPassword.safeParse(password);
  if (!shape.success) return shape.error.issues[0]?.message === 'too_long' ? 'too_long' : 'password_too_short';
  estimator ??= new ZxcvbnFactory({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });
  // The whole input, its words, and its words run together ("ana.perez@…" → "anaperez").
  const inputs = [...userInputs, ...PORTAL_WORDS]
    .flatMap(spellings)
    .flatMap((s) => {
      const words = s.split(/[@.\s_-]+/);
      return [s, ...words, words.join(''), (s.split('@')[0] ?? '').replace(/[^\p{L}\p{N}]/gu, '')];
    })
    .filter((s) => s.length >= 3);
  const guessable = [...new Set(inputs)];
  if (onlyGuessableWords(password, guessable)) return 'password_too_common';
  return estimator.check(password, guessable).score < 3 ? 'password_too_common' : null;
}

/**
 * True when, once the guessable words are taken out, fewer than four letters are left: a password
 * made of those words joined by digits and punctuation ("Sedena-Mexico", "Ciberseguridad-2026").
 * zxcvbn alone lets these through: it counts every extra piece as a large factor of guesses, so
 * any three pieces reach the score of 3.
 */
function onlyGuessableWords(password: string, guessable: readonly string[]): boolean {
  let rest = spellings(password).at(-1) ?? '';
  for (const word of guessable.toSorted((a, b) => b.length - a.length)) rest = rest.replaceAll(word, ' ');
  return rest.replace(/[^\p{L}]/gu, '').length < 4;
}
