import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { API_SCOPES, actorMay, assertActorMay, SCOPE_OF_ACTION } from './api-clients.ts';
import { PERMISSIONS, type Action } from './permissions.ts';

const person = { role: 'staff' as const, client: null };
const client = (scopes: (typeof API_SCOPES)[number][]) => ({ role: 'staff' as const, client: { id: 'c', name: 'SOC', scopes } });
const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    return e instanceof DomainError ? `${e.code}:${e.reason}` : String(e);
  }
  return 'allowed';
};

describe('what an API client may do', () => {
  it('is what its agency staff may do, narrowed to the scopes it holds', () => {
    const all = client([...API_SCOPES]);
    for (const action of Object.keys(PERMISSIONS) as Action[]) {
      const staffMay = actorMay(person, action);
      // With every scope a client may exactly the staff actions that have a scope.
      expect([action, actorMay(all, action)]).toEqual([action, staffMay && SCOPE_OF_ACTION[action] !== undefined]);
    }
  });

  it('needs the very scope of each action', () => {
    expect(actorMay(client(['incidents:read']), 'incidents.get')).toBe(true);
    expect(actorMay(client(['incidents:read']), 'incidents.create')).toBe(false);
    expect(actorMay(client(['incidents:write']), 'incidents.create')).toBe(true);
    expect(actorMay(client(['incidents:write']), 'incidents.list')).toBe(false);
    expect(actorMay(client(['indicators:read']), 'indicators.read')).toBe(true);
    expect(actorMay(client(['indicators:read']), 'incidents.get')).toBe(false);
  });

  it('never reaches what no scope names (the bell, tasks, administration), whatever its scopes', () => {
    for (const action of ['notifications.list', 'tasks.list', 'auth.changePassword', 'apiClients.create', 'incidents.comment'] as const) {
      expect(actorMay(client([...API_SCOPES]), action)).toBe(false);
    }
  });

  it('is refused with the missing scope named, or the role when staff could not either', () => {
    expect(refusal(() => assertActorMay(client(['incidents:read']), 'incidents.create'))).toBe('FORBIDDEN:scope_missing');
    expect(refusal(() => assertActorMay(client([...API_SCOPES]), 'incidents.transition'))).toBe('FORBIDDEN:role_not_allowed');
    expect(refusal(() => assertActorMay(person, 'incidents.create'))).toBe('allowed');
  });
});
