import { describe, expect, it } from 'vitest';
import { words } from './catalogue/index.ts';
import { HIDDEN_NAME } from './naming.ts';
import {
  MarkNotificationsReadInput,
  NOTIFICATION_AUDIENCE,
  NOTIFICATION_KINDS,
  eventRecipients,
  incidentReaders,
  isObligationNotificationKind,
  noteNotificationKinds,
  notificationRecipients,
  notificationTitle,
  obligationReminderKey,
  taskReaders,
  type IncidentAudienceFacts,
  type NotifiedPerson,
} from './notifications.ts';

const OWN = 'agency-own';
const OTHER = 'agency-other';
const SHARED = 'agency-shared';
const ANC = 'agency-anc';
const staff = (id: string, agencyId = OWN): NotifiedPerson => ({ id, role: 'staff', agencyId });
const coordinator = (id: string): NotifiedPerson => ({ id, role: 'coordinator', agencyId: ANC });

describe('notification titles', () => {
  it.each(NOTIFICATION_KINDS)('%s has a title in both languages naming its task or incident', (kind) => {
    const facts = { reference: 'INC-2026-000042', title: 'Contener el ransomware', obligation: 'notification' as const };
    for (const locale of ['es-MX', 'en'] as const) expect(notificationTitle(kind, facts, locale)).toContain('INC-2026-000042 · Contener el ransomware');
    expect(notificationTitle(kind, facts, 'es-MX')).not.toBe(notificationTitle(kind, facts, 'en'));
  });

  it('a reminder names the obligation in the reader’s language', () => {
    const facts = { reference: 'INC-2026-000001', title: 'Fuga', obligation: 'final_report' as const };
    expect(notificationTitle('obligation_overdue', facts, 'es-MX')).toContain('el informe final');
    expect(notificationTitle('obligation_due_soon', facts, 'en')).toContain('the final report');
  });

  it('names nothing the reader may no longer read: a task or an incident, each in its own words', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const expected = NOTIFICATION_AUDIENCE[kind].about === 'task' ? words('en').notifications.hidden_task : words('en').notifications.hidden_incident;
      expect(notificationTitle(kind, HIDDEN_NAME, 'en')).toBe(expected);
    }
    expect(notificationTitle('incident_shared', HIDDEN_NAME, 'es-MX')).toBe('Un incidente que ya no puedes consultar');
  });

  it('marks all when no ids are given, and bounds the ids', () => {
    expect(MarkNotificationsReadInput.parse(undefined)).toEqual({});
    expect(MarkNotificationsReadInput.safeParse({ ids: [] }).success).toBe(false);
    expect(MarkNotificationsReadInput.safeParse({ ids: ['nope'] }).success).toBe(false);
  });
});

describe('who is told about a task', () => {
  const people = { assigneeStaff: [staff('s1'), staff('s2')], taskCreator: [coordinator('c')] };
  const reads = taskReaders({ assigneeAgencyId: OWN });
  const to = (kind: (typeof NOTIFICATION_KINDS)[number], actorId: string | null = null, p: typeof people = people) =>
    notificationRecipients(kind, { people: p, actorId, reads });

  it('tells the assignee agency of assignments, returns, reopenings and cancellations; the creator of reviews and blocks; both of lateness', () => {
    for (const kind of ['task_assigned', 'task_reassigned', 'task_returned', 'task_reopened', 'task_cancelled'] as const)
      expect(to(kind)).toEqual(['s1', 's2']);
    expect(to('task_in_review')).toEqual(['c']);
    expect(to('task_blocked')).toEqual(['c']);
    expect(to('task_overdue')).toEqual(['s1', 's2', 'c']);
  });

  it('never tells the one who made the change, nor a party that is not given (an inactive creator)', () => {
    expect(to('task_returned', 's1')).toEqual(['s2']);
    expect(to('task_in_review', 'c')).toEqual([]);
    expect(to('task_overdue', null, { ...people, taskCreator: [] })).toEqual(['s1', 's2']);
  });

  it('never tells staff of another agency, even when handed to it', () => {
    expect(to('task_assigned', null, { ...people, assigneeStaff: [staff('s1'), staff('x', OTHER)] })).toEqual(['s1']);
  });
});

describe('who is told about an incident', () => {
  const incident: IncidentAudienceFacts = { agencyId: OWN, tlp: 'AMBER', status: 'triaged', sharedAgencyIds: [SHARED], sharedWithAll: false };
  const people = {
    coordinators: [coordinator('c1'), coordinator('c2')],
    reportingStaff: [staff('r1'), staff('r2')],
    sharedStaff: [staff('sh', SHARED), staff('x', OTHER)],
    reporter: [staff('r1')],
  };
  const to = (kind: (typeof NOTIFICATION_KINDS)[number], actorId: string | null = null, reads = incidentReaders(incident)) =>
    notificationRecipients(kind, { people, actorId, reads });

  it('follows the table: filed → coordinators; shared → the agency shared with; status and notes → the reporting agency; comments → the reporter', () => {
    expect(to('incident_filed', 'r1')).toEqual(['c1', 'c2']);
    expect(to('incident_shared', 'c1')).toEqual(['sh']); // `x` cannot read it: not shared with OTHER
    expect(to('incident_status_changed', 'c1')).toEqual(['r1', 'r2']);
    expect(to('incident_note', 'c1')).toEqual(['r1', 'r2']);
    expect(to('incident_comment', 'r2')).toEqual(['r1']);
  });

  it('reminds the reporting agency when an obligation is due soon, and the coordinators too when it is overdue', () => {
    expect(to('obligation_due_soon')).toEqual(['r1', 'r2']);
    expect(to('obligation_overdue')).toEqual(['r1', 'r2', 'c1', 'c2']);
  });

  it('never the actor: the reporter commenting on their own incident is not told', () => {
    expect(to('incident_comment', 'r1')).toEqual([]);
  });

  it('a share stops counting once the TLP no longer allows it (raised to RED): only the reporting agency and the ANC read it', () => {
    const red = incidentReaders({ ...incident, tlp: 'RED' });
    expect(to('incident_shared', 'c1', red)).toEqual([]);
    expect(to('obligation_overdue', null, red)).toEqual(['r1', 'r2', 'c1', 'c2']);
    const all = incidentReaders({ ...incident, tlp: 'GREEN', sharedAgencyIds: [], sharedWithAll: true });
    expect(to('incident_shared', 'c1', all)).toEqual(['sh', 'x']);
    expect(to('incident_shared', 'c1', incidentReaders({ ...incident, tlp: 'AMBER', sharedAgencyIds: [], sharedWithAll: true }))).toEqual([]);
  });

  it('a note reaches only who reads it: an `anc` note tells no agency, a `reporting` note no shared agency', () => {
    expect(noteNotificationKinds({ role: 'coordinator' }, 'reporting')).toEqual(['incident_note', 'incident_comment']);
    expect(noteNotificationKinds({ role: 'coordinator' }, 'anc')).toEqual(['incident_comment']);
    expect(noteNotificationKinds({ role: 'staff' }, 'all_readers')).toEqual(['incident_comment']);
    const anc = incidentReaders(incident, { visibility: 'anc', authorId: 'c1' });
    expect(to('incident_comment', 'c1', anc)).toEqual([]);
    const reporting = incidentReaders(incident, { visibility: 'reporting', authorId: 'c1' });
    expect(to('incident_comment', 'c1', reporting)).toEqual(['r1']);
    // A coordinator who filed on the agency's behalf is the reporter and reads every note.
    expect(notificationRecipients('incident_comment', { people: { reporter: [coordinator('c2')] }, actorId: 'c1', reads: anc })).toEqual(['c2']);
  });

  it('one event tells each person once: the reporter of a coordinator’s note gets the note, not also the comment', () => {
    const reads = incidentReaders(incident, { visibility: 'reporting', authorId: 'c1' });
    expect(eventRecipients(['incident_note', 'incident_comment'], { people, actorId: 'c1', reads })).toEqual([
      { userId: 'r1', kind: 'incident_note' },
      { userId: 'r2', kind: 'incident_note' },
    ]);
  });
});

describe('the audience table', () => {
  it('has a rule for every kind, about a task, an incident or an advisory, with at least one party', () => {
    for (const kind of NOTIFICATION_KINDS) {
      expect(NOTIFICATION_AUDIENCE[kind].to.length).toBeGreaterThan(0);
      expect(NOTIFICATION_AUDIENCE[kind].about).toBe(kind.startsWith('task_') ? 'task' : kind.startsWith('advisory_') ? 'advisory' : 'incident');
    }
    expect(NOTIFICATION_KINDS.filter(isObligationNotificationKind)).toEqual(['obligation_due_soon', 'obligation_overdue']);
  });

  it('keys a reminder by obligation, due date and state', () => {
    const due = new Date('2026-03-04T05:06:07.000Z');
    expect(obligationReminderKey('notification', due, 'overdue')).toBe('obligation:notification:2026-03-04T05:06:07.000Z:overdue');
    expect(obligationReminderKey('notification', due, 'due_soon')).not.toBe(obligationReminderKey('notification', due, 'overdue'));
  });
});
