import { describe, expect, it } from 'vitest';
import { TLP_LEVELS } from './incidents/taxonomy.ts';
import { notificationTitle } from './notifications.ts';
import { HIDDEN_NAME, isHiddenName, nameIncidentFor, nameTaskFor, type IncidentReadFacts, type TaskReadFacts } from './naming.ts';

const OWN = 'agency-own';
const OTHER = 'agency-other';
const staff = { role: 'staff' as const, agencyId: OWN };
const coordinator = { role: 'coordinator' as const, agencyId: 'anc' };
const admin = { role: 'admin' as const, agencyId: 'anc' };

const incident = (over: Partial<IncidentReadFacts> = {}): IncidentReadFacts => ({
  id: 'i-1',
  reference: 'INC-2026-000001',
  title: 'Exfiltración',
  agencyId: OTHER,
  tlp: 'RED',
  status: 'submitted',
  shares: { named: false, all: false },
  ...over,
});
const task = (over: Partial<TaskReadFacts> = {}): TaskReadFacts => ({
  id: 't-1',
  reference: 'TSK-2026-000001',
  title: 'Parche',
  assigneeAgencyId: OTHER,
  ...over,
});

describe('naming another incident', () => {
  it('names it to the ANC whatever its TLP', () => {
    for (const tlp of TLP_LEVELS) {
      expect(nameIncidentFor(coordinator, incident({ tlp }))).toEqual({ id: 'i-1', reference: 'INC-2026-000001', title: 'Exfiltración' });
      expect(nameIncidentFor(admin, incident({ tlp }))).toEqual({ id: 'i-1', reference: 'INC-2026-000001', title: 'Exfiltración' });
    }
  });

  it('names its own agency’s incident to staff, and hides another agency’s unshared one', () => {
    expect(nameIncidentFor(staff, incident({ agencyId: OWN }))).toMatchObject({ id: 'i-1' });
    const hidden = nameIncidentFor(staff, incident());
    expect(hidden).toEqual({ hidden: true });
    expect(JSON.stringify(hidden)).not.toContain('i-1');
    expect(JSON.stringify(hidden)).not.toContain('INC-2026');
  });

  it('follows the current TLP of a share: a named share of RED hides, of AMBER names; a share with all names only CLEAR/GREEN', () => {
    expect(isHiddenName(nameIncidentFor(staff, incident({ tlp: 'RED', shares: { named: true, all: false } })))).toBe(true);
    expect(isHiddenName(nameIncidentFor(staff, incident({ tlp: 'AMBER', shares: { named: true, all: false } })))).toBe(false);
    expect(TLP_LEVELS.filter((tlp) => !isHiddenName(nameIncidentFor(staff, incident({ tlp, shares: { named: false, all: true } }))))).toEqual([
      'CLEAR',
      'GREEN',
    ]);
  });

  it('hides what it has no facts about', () => {
    expect(nameIncidentFor(coordinator, undefined)).toBe(HIDDEN_NAME);
  });
});

describe('naming a task', () => {
  it('names it to the ANC and to its assignee agency only', () => {
    expect(nameTaskFor(coordinator, task())).toEqual({ id: 't-1', reference: 'TSK-2026-000001', title: 'Parche' });
    expect(nameTaskFor(admin, task())).toMatchObject({ id: 't-1' });
    expect(nameTaskFor(staff, task({ assigneeAgencyId: OWN }))).toMatchObject({ id: 't-1', reference: 'TSK-2026-000001' });
    expect(nameTaskFor(staff, task())).toEqual({ hidden: true });
    expect(nameTaskFor(staff, undefined)).toEqual({ hidden: true });
  });
});

describe('a notification about a task its reader may no longer read', () => {
  it('says so in the reader’s language, with neither reference nor title', () => {
    const facts = task();
    for (const locale of ['es-MX', 'en'] as const) {
      const title = notificationTitle('task_assigned', nameTaskFor(staff, facts), locale);
      expect(title).not.toContain(facts.reference);
      expect(title).not.toContain(facts.title);
    }
    expect(notificationTitle('task_assigned', HIDDEN_NAME, 'es-MX')).toBe('Una tarea que ya no está a cargo de tu dependencia');
    expect(notificationTitle('task_assigned', HIDDEN_NAME, 'en')).toBe('A task no longer assigned to your agency');
    expect(notificationTitle('task_assigned', nameTaskFor(coordinator, facts), 'en')).toContain('TSK-2026-000001 · Parche');
  });
});
