// The read scope of incidents: the one place the tenancy of an incident is written in SQL. Every
// read, list and write of incidents in packages/db takes a scope and puts this in its WHERE, so a
// new query cannot forget it. The mirror of the domain's `canReadIncident`/`shareGrantsRead`
// (packages/domain/src/incidents/access.ts; both are tested against the same matrix).
import { sql, type SQL } from 'drizzle-orm';
import { TLP_SHAREABLE_BY_NAME, TLP_SHAREABLE_WITH_ALL, seesEveryIncident, type Actor } from '@anc/domain';

/** Who a query is scoped to; `'system'` is the seed and background jobs, which act for no one. */
export type ReadScope = Pick<Actor, 'role' | 'agencyId'>;
export type WriteScope = ReadScope | 'system';

const tlpList = (levels: readonly string[]) =>
  sql.join(
    levels.map((l) => sql`${l}::tlp`),
    sql`, `,
  );

/**
 * The staff scope as its three ways in, each of which an index serves on its own: the staff list
 * reads them as three keyset branches and unions them (`listIncidents` in
 * packages/db/src/queries/incidents.ts); `incidentScopeSql` joins them with `or`.
 */
export function incidentScopeBranches(actor: ReadScope) {
  return {
    /** Reported by the actor's agency; on the incidents alias `i`. */
    own: (i: string) => sql`${sql.raw(i)}.agency_id = ${actor.agencyId}`,
    /** Shared with every agency while its TLP allows that. */
    sharedWithAll: (i: string) => sql`${sql.raw(i)}.shared_with_all_at is not null and ${sql.raw(i)}.tlp in (${tlpList(TLP_SHAREABLE_WITH_ALL)})`,
    /** Shared with the actor's agency by name (share alias `s`) while its TLP allows that (incident alias `i`). */
    sharedByName: (s: string, i: string) => sql`${sql.raw(s)}.agency_id = ${actor.agencyId} and ${sql.raw(i)}.tlp in (${tlpList(TLP_SHAREABLE_BY_NAME)})`,
  };
}

/**
 * The incidents `actor` may read, on the incidents alias `alias` (the table name `incidents` when
 * the query selects from the table itself). Coordinators and admins have no condition.
 */
export function incidentScopeSql(actor: ReadScope, alias = 'i'): SQL | undefined {
  if (seesEveryIncident(actor)) return undefined;
  const b = incidentScopeBranches(actor);
  return sql`(${b.own(alias)}
    or (${b.sharedWithAll(alias)})
    or exists (select 1 from incident_shares s where s.incident_id = ${sql.raw(alias)}.id and ${b.sharedByName('s', alias)}))`;
}

/** The same for a write on the `incidents` table: a row outside the scope is never changed. */
export function incidentWriteScope(scope: WriteScope): SQL | undefined {
  return scope === 'system' ? undefined : incidentScopeSql(scope, 'incidents');
}
