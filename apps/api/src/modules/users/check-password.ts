import { passwordProblem } from '@anc/auth';
import { DomainError } from '@anc/domain';

/** Refuses a weak new password with a message on the field that holds it. */
export function assertStrongPassword(password: string, field: string, userInputs: string[]): void {
  const problem = passwordProblem(password, userInputs);
  if (problem) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { [field]: [problem] } });
}
