import type { Actor } from './actor.ts';
import { canReadIncident, type IncidentScopeFacts, type ShareFacts } from './incidents/access.ts';
import { canReadTask } from './tasks/access.ts';
import type { TaskFacts } from './tasks/status.ts';

/**
 * How one object names another (a merge, a timeline entry, a notification, a linked task): by id
 * and reference only when the reader may read the other object *now*; otherwise as "another
 * incident" / "a task", with nothing that identifies it. Every DTO that names another incident or
 * task asks these functions (issue 10, defects 3, 11, 12); the facts come from @anc/db's
 * `incidentReadFacts` / `taskReadFacts`, read at the time of the answer, never from what was
 * stored when the event happened.
 */
export interface ObjectName {
  id: string;
  reference: string;
  title: string;
}
export interface HiddenName {
  hidden: true;
}
export type NameFor = ObjectName | HiddenName;

export const HIDDEN_NAME: HiddenName = Object.freeze({ hidden: true as const });

export const isHiddenName = (name: object): name is HiddenName => 'hidden' in name && name.hidden === true;

/** What `canReadIncident` needs about one incident, with its name. `shares.named` is about the reader's agency. */
export interface IncidentReadFacts extends IncidentScopeFacts {
  id: string;
  reference: string;
  title: string;
  shares: ShareFacts;
}

/** What `canReadTask` needs about one task, with its name. */
export interface TaskReadFacts extends Pick<TaskFacts, 'assigneeAgencyId'> {
  id: string;
  reference: string;
  title: string;
}

type Reader = Pick<Actor, 'role' | 'agencyId'>;

/** The incident's name for this reader, or hidden (also when the incident is unknown: no facts). */
export function nameIncidentFor(reader: Reader, facts: IncidentReadFacts | undefined): NameFor {
  if (!facts || !canReadIncident(reader, facts, facts.shares)) return HIDDEN_NAME;
  return { id: facts.id, reference: facts.reference, title: facts.title };
}

/** The task's name for this reader, or hidden (also when the task is unknown: no facts). */
export function nameTaskFor(reader: Reader, facts: TaskReadFacts | undefined): NameFor {
  if (!facts || !canReadTask(reader, facts)) return HIDDEN_NAME;
  return { id: facts.id, reference: facts.reference, title: facts.title };
}
