import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { BULK_MAX_ITEMS, BULK_TRIAGE_STEP, BulkIncidentsInput, bulkFailureOf } from './bulk.ts';
import { INCIDENT_TRANSITIONS } from './status.ts';

const ID = '5b1f3c9e-2d4a-4f6b-8c7d-9e0a1b2c3d4e';
const items = (n: number) => Array.from({ length: n }, () => ({ id: ID, version: 1 }));

describe('bulk actions: what they may do', () => {
  it('bulk triage is the one step submitted → triaged, and the state machine has it for coordinators', () => {
    expect(BULK_TRIAGE_STEP).toEqual({ from: 'submitted', to: 'triaged' });
    expect(INCIDENT_TRANSITIONS.submitted.triaged.by).toEqual(['coordinator']);
  });

  it('takes either ticked items or a filter, never both, never neither', () => {
    expect(BulkIncidentsInput.safeParse({ action: 'triage', items: [{ id: ID, version: 1 }] }).success).toBe(true);
    expect(BulkIncidentsInput.safeParse({ action: 'triage', filter: { status: ['submitted'] } }).success).toBe(true);
    expect(BulkIncidentsInput.safeParse({ action: 'triage' }).error?.issues.map((i) => [i.path, i.message])).toEqual([[['items'], 'bulk_selection_required']]);
    expect(BulkIncidentsInput.safeParse({ action: 'triage', items: [{ id: ID, version: 1 }], filter: {} }).error?.issues.map((i) => i.message)).toEqual([
      'bulk_selection_required',
    ]);
  });

  it(`caps a selection at ${BULK_MAX_ITEMS} items`, () => {
    expect(BulkIncidentsInput.safeParse({ action: 'triage', items: items(BULK_MAX_ITEMS) }).success).toBe(true);
    expect(BulkIncidentsInput.safeParse({ action: 'triage', items: items(BULK_MAX_ITEMS + 1) }).error?.issues.map((i) => i.message)).toEqual(['bulk_too_many']);
  });

  it('a share names its targets; a playbook names the playbook', () => {
    expect(BulkIncidentsInput.safeParse({ action: 'share', items: [{ id: ID, version: 1 }] }).error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['agencyIds'], 'share_target_required'],
    ]);
    expect(BulkIncidentsInput.safeParse({ action: 'share', items: [{ id: ID, version: 1 }], allAgencies: true }).success).toBe(true);
    expect(BulkIncidentsInput.safeParse({ action: 'applyPlaybook', items: [{ id: ID, version: 1 }] }).error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['playbookId'], 'required'],
    ]);
  });
});

describe('bulkFailureOf: why one item failed', () => {
  it.each([
    [new DomainError('CONFLICT', 'stale_version'), { reason: 'version_conflict', messageKey: 'stale_version' }],
    [
      new DomainError('INVALID_TRANSITION', 'incident_transition_not_allowed'),
      { reason: 'not_allowed_in_state', messageKey: 'incident_transition_not_allowed' },
    ],
    [new DomainError('UNPROCESSABLE', 'tlp_red_not_shareable'), { reason: 'not_allowed_in_state', messageKey: 'tlp_red_not_shareable' }],
    [new DomainError('NOT_FOUND', 'share_not_found'), { reason: 'not_found', messageKey: 'not_found' }],
    [new DomainError('FORBIDDEN', 'role_not_allowed'), { reason: 'forbidden', messageKey: 'role_not_allowed' }],
    [
      new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { agencyIds: ['share_target_invalid'] } }),
      { reason: 'invalid', messageKey: 'share_target_invalid' },
    ],
    [new DomainError('CONFLICT', 'playbook_already_applied'), { reason: 'already_applied', messageKey: 'playbook_already_applied' }],
    [new DomainError('UNPROCESSABLE', 'playbook_incident_closed'), { reason: 'not_allowed_in_state', messageKey: 'playbook_incident_closed' }],
    [new Error('connection reset'), { reason: 'failed', messageKey: 'bulk_item_failed' }],
  ])('%s', (error, expected) => {
    expect(bulkFailureOf(error)).toEqual(expected);
  });
});
