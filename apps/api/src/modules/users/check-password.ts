import { passwordProblem } from '@anc/auth';
import { type Db, agencyWords } from '@anc/db';
import { DomainError } from '@anc/domain';

/**
 * What a new password must not be made of, besides the portal's fixed words
 * (packages/auth/src/passwords.ts `PORTAL_WORDS`): the account's own e-mail and name, and every
 * agency's code and names as the database has them now ("SEDENA", "Secretaría de Marina").
 */
export async function passwordUserInputs(db: Db, own: string[]): Promise<string[]> {
  return [...own, ...(await agencyWords(db))];
}

/** Refuses a weak new password with a message on the field that holds it. */
export async function assertStrongPassword(db: Db, password: string, field: string, own: string[]): Promise<void> {
  const problem = passwordProblem(password, await passwordUserInputs(db, own));
  if (problem) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { [field]: [problem] } });
}
