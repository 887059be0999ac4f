// No look-alike characters (0/O, 1/l/I), so a password read aloud or copied by hand survives.
const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random password of four groups of five characters (about 117 bits), e.g. "hK7pq-…". */
export function generatePassword(groups = 4, groupLength = 5): string {
  const limit = 256 - (256 % ALPHABET.length);
  const chars: string[] = [];
  while (chars.length < groups * groupLength) {
    const bytes = crypto.getRandomValues(new Uint8Array(64));
    for (const byte of bytes) {
      // Rejection sampling keeps every character equally likely.
      if (byte < limit && chars.length < groups * groupLength) chars.push(ALPHABET.charAt(byte % ALPHABET.length));
    }
  }
  const out: string[] = [];
  for (let i = 0; i < groups; i++) out.push(chars.slice(i * groupLength, (i + 1) * groupLength).join(''));
  return out.join('-');
}
