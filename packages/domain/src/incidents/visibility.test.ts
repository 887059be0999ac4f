import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { NOTE_VISIBILITIES, noteVisibilityFor, readsNote, writableNoteVisibilities, type NoteVisibility } from './visibility.ts';

const REPORTING = 'agency-semar';
const SHARED = 'agency-sedena';
const incident = { agencyId: REPORTING };
const coordinator = { role: 'coordinator' as const, agencyId: 'anc', userId: 'u-coordinator' };
const admin = { role: 'admin' as const, agencyId: 'anc', userId: 'u-admin' };
const reportingStaff = { role: 'staff' as const, agencyId: REPORTING, userId: 'u-semar' };
const sharedStaff = { role: 'staff' as const, agencyId: SHARED, userId: 'u-sedena' };

const refusal = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? `${e.code}:${e.reason}` : 'other';
  }
};

describe('who may write which visibility', () => {
  it('ANC roles may write all three; staff (reporting or shared-with) not `anc`', () => {
    expect(writableNoteVisibilities(coordinator)).toEqual(['anc', 'reporting', 'all_readers']);
    expect(writableNoteVisibilities(admin)).toEqual(['anc', 'reporting', 'all_readers']);
    expect(writableNoteVisibilities(reportingStaff)).toEqual(['reporting', 'all_readers']);
    expect(writableNoteVisibilities(sharedStaff)).toEqual(['reporting', 'all_readers']);
  });

  it('the default is `reporting` for everyone', () => {
    for (const actor of [coordinator, admin]) expect(noteVisibilityFor(actor, undefined)).toBe('reporting');
    for (const actor of [reportingStaff, sharedStaff]) expect(noteVisibilityFor(actor, undefined)).toBe('all_readers');
  });

  it('staff asking for `anc` is FORBIDDEN; the rest is kept as asked', () => {
    expect(refusal(() => noteVisibilityFor(reportingStaff, 'anc'))).toBe('FORBIDDEN:note_visibility_not_allowed');
    expect(refusal(() => noteVisibilityFor(sharedStaff, 'anc'))).toBe('FORBIDDEN:note_visibility_not_allowed');
    expect(noteVisibilityFor(sharedStaff, 'all_readers')).toBe('all_readers');
    expect(noteVisibilityFor(coordinator, 'anc')).toBe('anc');
  });
});

describe('who reads a note', () => {
  // reader → visibility → reads a note written by someone else
  const table: Record<string, Record<NoteVisibility, boolean>> = {
    coordinator: { anc: true, reporting: true, all_readers: true },
    admin: { anc: true, reporting: true, all_readers: true },
    reportingStaff: { anc: false, reporting: true, all_readers: true },
    sharedStaff: { anc: false, reporting: false, all_readers: true },
  };
  const readers = { coordinator, admin, reportingStaff, sharedStaff };
  for (const [name, row] of Object.entries(table)) {
    for (const visibility of NOTE_VISIBILITIES) {
      it(`${name} ${row[visibility] ? 'reads' : 'does not read'} another's \`${visibility}\` note`, () => {
        const reader = readers[name as keyof typeof readers];
        expect(readsNote(reader, incident, { visibility, authorId: 'someone-else' })).toBe(row[visibility]);
      });
    }
  }

  it('the author always reads their own note, whatever its visibility', () => {
    for (const visibility of NOTE_VISIBILITIES) {
      expect(readsNote(sharedStaff, incident, { visibility, authorId: sharedStaff.userId })).toBe(true);
    }
  });

  it("a colleague of a shared-with author does not read the author's `reporting` note", () => {
    const colleague = { ...sharedStaff, userId: 'u-sedena-2' };
    expect(readsNote(colleague, incident, { visibility: 'reporting', authorId: sharedStaff.userId })).toBe(false);
  });
});
