import { NewPassword } from '@anc/domain';
import { describe, expect, it } from 'vitest';
import { generatePassword } from './password.ts';

describe('generatePassword', () => {
  it('passes the domain password policy and never repeats', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      expect(p).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
      expect(NewPassword.safeParse(p).success).toBe(true);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
