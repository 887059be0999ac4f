import { incidentReadFacts, taskReadFacts, type Db } from '@anc/db';
import { HIDDEN_NAME, nameIncidentFor, nameTaskFor, seesEveryTask, type Actor, type NameFor } from '@anc/domain';

/**
 * Where an incident's detail names another incident or a task, and how it names it to this reader
 * now (packages/domain/src/naming.ts): the merge target, a status event's `data.mergedInto`, a
 * `merged_from` event's `data.incident`, a `task_created` event's `data.task`. The facts of every
 * object named are read in one query per kind (`incidentReadFacts`, `taskReadFacts`).
 */
interface EventLike {
  kind: string;
  data: Record<string, unknown>;
}

const idOf = (v: unknown): string | null => {
  const id = v && typeof v === 'object' ? (v as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
};

/** The key of `data` that names another object, by event kind. */
const INCIDENT_KEY: Record<string, string> = { status: 'mergedInto', merged_from: 'incident' };
const TASK_KEY: Record<string, string> = { task_created: 'task' };

export interface IncidentNamer {
  incident(id: string | null | undefined): NameFor | null;
  /** The event with the objects it names replaced by their names for this reader. */
  event<E extends EventLike>(e: E): E;
  /** Whether a `task_created` event is shown at all: to readers of the task now, or of its agency then. */
  showsTaskEvent(e: EventLike): boolean;
}

export async function incidentNamer(db: Db, actor: Actor, mergedIntoId: string | null, events: readonly EventLike[]): Promise<IncidentNamer> {
  const incidentIds = new Set<string>(mergedIntoId ? [mergedIntoId] : []);
  const taskIds = new Set<string>();
  for (const e of events) {
    const incidentKey = INCIDENT_KEY[e.kind];
    const taskKey = TASK_KEY[e.kind];
    const incidentId = incidentKey ? idOf(e.data[incidentKey]) : null;
    const taskId = taskKey ? idOf(e.data[taskKey]) : null;
    if (incidentId) incidentIds.add(incidentId);
    if (taskId) taskIds.add(taskId);
  }
  const [incidents, tasks] = await Promise.all([incidentReadFacts(db, actor.agencyId, incidentIds), taskReadFacts(db, taskIds)]);
  const nameIncident = (id: string | null) => (id ? nameIncidentFor(actor, incidents.get(id)) : HIDDEN_NAME);
  const nameTask = (id: string | null) => (id ? nameTaskFor(actor, tasks.get(id)) : HIDDEN_NAME);
  return {
    incident: (id) => (id ? nameIncident(id) : null),
    event(e) {
      const incidentKey = INCIDENT_KEY[e.kind];
      const taskKey = TASK_KEY[e.kind];
      if (incidentKey && e.data[incidentKey] !== undefined) return { ...e, data: { ...e.data, [incidentKey]: nameIncident(idOf(e.data[incidentKey])) } };
      if (taskKey && e.data[taskKey] !== undefined) return { ...e, data: { ...e.data, [taskKey]: nameTask(idOf(e.data[taskKey])) } };
      return e;
    },
    showsTaskEvent(e) {
      if (e.kind !== 'task_created' || seesEveryTask(actor)) return true;
      const agency = e.data.assigneeAgency as { id?: unknown } | undefined;
      const taskId = idOf(e.data.task);
      const task = taskId ? tasks.get(taskId) : undefined;
      return agency?.id === actor.agencyId || task?.assigneeAgencyId === actor.agencyId;
    },
  };
}
