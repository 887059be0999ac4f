// The indicators of the TAXII collection `shared-with-me` (apps/api/src/taxii/): the observables
// of every incident the caller may read (scope/incidents.ts), in the order they were added, one
// keyset page at a time. An observable's `created_at` is its "date added" to the collection; its
// id breaks ties, so the order is total and a page never repeats or skips a row.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ObservableType, Tlp } from '@anc/domain';
import type { Db } from '../client.ts';
import { incidentObservables, incidents } from '../schema/index.ts';
import { incidentScopeSql, type ReadScope } from '../scope/incidents.ts';

/** Observable types a STIX pattern exists for (CVEs and free text are no indicators). */
export const INDICATOR_OBSERVABLE_TYPES = ['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256'] as const satisfies readonly ObservableType[];

export interface IndicatorRow {
  id: string;
  type: ObservableType;
  value: string;
  /** When it was added to its incident: its date added to the collection. */
  addedAt: Date;
  incidentId: string;
  agencyId: string;
  tlp: Tlp;
  detectedAt: Date;
  incidentCreatedAt: Date;
  incidentUpdatedAt: Date;
}

export interface IndicatorPageInput {
  /** Rows strictly after this position (date added, observable id). */
  after?: { at: Date; id: string } | undefined;
  /** Rows added strictly after this instant (TAXII `added_after`), RFC 3339: compared at its full precision. */
  addedAfter?: string | undefined;
  limit: number;
}

const instant = (at: Date | string) => sql`${typeof at === 'string' ? at : at.toISOString()}::timestamptz`;

/**
 * Up to `limit` indicators the scope may read, oldest first. Served by the index
 * `incident_observables_created_at_id_index` (schema/incidents.ts): the rows are read in index order
 * and each is checked against its incident's scope, so the page costs its own rows, not a sort.
 */
export async function listIndicatorPage(db: Db, scope: ReadScope, input: IndicatorPageInput): Promise<IndicatorRow[]> {
  return indicatorPageQuery(db, scope, input);
}

/** The statement of `listIndicatorPage`, unexecuted (for EXPLAIN in tests and the bench). */
export function indicatorPageQuery(db: Db, scope: ReadScope, input: IndicatorPageInput) {
  const o = incidentObservables;
  const where: (SQL | undefined)[] = [inArray(o.type, [...INDICATOR_OBSERVABLE_TYPES]), incidentScopeSql(scope, 'incidents')];
  if (input.after) where.push(sql`(${o.createdAt}, ${o.id}) > (${instant(input.after.at)}, ${input.after.id}::uuid)`);
  if (input.addedAfter) where.push(sql`${o.createdAt} > ${instant(input.addedAfter)}`);
  return db
    .select({
      id: o.id,
      type: o.type,
      value: o.value,
      addedAt: o.createdAt,
      incidentId: incidents.id,
      agencyId: incidents.agencyId,
      tlp: incidents.tlp,
      detectedAt: incidents.detectedAt,
      incidentCreatedAt: incidents.createdAt,
      incidentUpdatedAt: incidents.updatedAt,
    })
    .from(o)
    .innerJoin(incidents, eq(incidents.id, o.incidentId))
    .where(and(...where))
    .orderBy(asc(o.createdAt), asc(o.id))
    .limit(input.limit);
}
