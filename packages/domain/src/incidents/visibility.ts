import { DomainError } from '../errors.ts';
import type { Actor } from '../actor.ts';
import { seesEveryIncident } from './access.ts';

/**
 * Who reads a note on an incident's timeline (a comment, or the reason given with a step).
 * - `anc`: the ANC only (coordinators and admins).
 * - `reporting`: the ANC and the staff of the reporting agency; the default for the ANC.
 * - `all_readers`: everyone who may read the incident, incl. the agencies it is shared with; the
 *   default for an agency's staff.
 * The author always reads their own note. Entries that are not notes (a step without a reason,
 * a share, observables) are for every reader; a step's reason text follows its visibility.
 */
export const NOTE_VISIBILITIES = ['anc', 'reporting', 'all_readers'] as const;
export type NoteVisibility = (typeof NOTE_VISIBILITIES)[number];

/**
 * What a note is written with when its author does not choose (docs/API.md): the ANC's notes
 * and step reasons stay between the ANC and the reporting agency; an agency's own notes go to
 * everyone who reads the incident.
 */
export function defaultNoteVisibility(actor: Pick<Actor, 'role'>): NoteVisibility {
  return seesEveryIncident(actor) ? 'reporting' : 'all_readers';
}

/** The visibilities the caller may write: ANC roles all three; staff (reporting or shared-with) not `anc`. */
export function writableNoteVisibilities(actor: Pick<Actor, 'role'>): readonly NoteVisibility[] {
  return seesEveryIncident(actor) ? NOTE_VISIBILITIES : NOTE_VISIBILITIES.filter((v) => v !== 'anc');
}

/** The visibility a new note gets: the one asked for (if the caller may write it) or the default; FORBIDDEN otherwise. */
export function noteVisibilityFor(actor: Pick<Actor, 'role'>, requested: NoteVisibility | undefined): NoteVisibility {
  const visibility = requested ?? defaultNoteVisibility(actor);
  if (!writableNoteVisibilities(actor).includes(visibility)) throw new DomainError('FORBIDDEN', 'note_visibility_not_allowed');
  return visibility;
}

export interface NoteFacts {
  visibility: NoteVisibility;
  /** The author of the note. */
  authorId: string;
}

/** Whether the caller (who may read the incident) reads a note on it. */
export function readsNote(actor: Pick<Actor, 'role' | 'agencyId' | 'userId'>, incident: { agencyId: string }, note: NoteFacts): boolean {
  if (note.authorId === actor.userId || seesEveryIncident(actor)) return true;
  switch (note.visibility) {
    case 'all_readers':
      return true;
    case 'reporting':
      return actor.agencyId === incident.agencyId;
    case 'anc':
      return false;
  }
}
