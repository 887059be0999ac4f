// POLICY_EFFECTIVE_DATE (apps/api/src/env.ts): the day the institutional directory's 60 days count from.
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../env.ts';

const env = (extra: Record<string, string> = {}) => loadEnv({ NODE_ENV: 'development', PGLITE_DIR: 'memory', ...extra });

describe('POLICY_EFFECTIVE_DATE', () => {
  it('defaults to the policy of 17 December 2025, and an empty value means the default', () => {
    expect(env().policyEffectiveDate).toBe('2025-12-17');
    expect(env({ POLICY_EFFECTIVE_DATE: '' }).policyEffectiveDate).toBe('2025-12-17');
    expect(env({ POLICY_EFFECTIVE_DATE: ' 2026-03-01 ' }).policyEffectiveDate).toBe('2026-03-01');
  });

  it('refuses to start on something that is not a calendar date', () => {
    expect(() => env({ POLICY_EFFECTIVE_DATE: '2026-02-30' })).toThrow(/POLICY_EFFECTIVE_DATE: a calendar date YYYY-MM-DD/);
    expect(() => env({ POLICY_EFFECTIVE_DATE: '17/12/2025' })).toThrow(/POLICY_EFFECTIVE_DATE/);
  });
});
