// The read scope of tasks: the one place the tenancy of a task is written in SQL, used by every
// read, list and write of tasks in packages/db. The mirror of the domain's `canReadTask`
// (packages/domain/src/tasks/access.ts): coordinators and admins read every task, staff the tasks
// assigned to their agency.
import { sql, type SQL } from 'drizzle-orm';
import { seesEveryTask } from '@anc/domain';
import type { ReadScope, WriteScope } from './incidents.ts';

/** The tasks `actor` may read, on the tasks alias `alias` (`tasks` for the table itself). */
export function taskScopeSql(actor: ReadScope, alias = 't'): SQL | undefined {
  if (seesEveryTask(actor)) return undefined;
  return sql`${sql.raw(alias)}.assignee_agency_id = ${actor.agencyId}`;
}

/** The same for a write on the `tasks` table: a row outside the scope is never changed. */
export function taskWriteScope(scope: WriteScope): SQL | undefined {
  return scope === 'system' ? undefined : taskScopeSql(scope, 'tasks');
}
