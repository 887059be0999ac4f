// The indicators of the TAXII collection `shared-with-me` (apps/api/src/taxii/): the observables
// of every incident the caller may read (scope/incidents.ts), in the order they were added to the
// caller's collection, one keyset page at a time.
//
// "Date added" (TAXII 2.1 §3.4: when the object was added to the collection) depends on the reader,
// since the collection is per reader:
// - the ANC, and the reporting agency: when the observable was added to its incident;
// - any other agency: the later of that and the moment the share that lets it read the incident was
//   made — the row of `incident_shares` naming it (its created_at), or `incidents.shared_with_all_at`,
//   whichever came first and the TLP honours (scope/incidents.ts). An incident shared a week after
//   its observables were added shows them to the new reader as added at the share, so a SOC polling
//   with `added_after` = its last poll receives them.
// The observable's id breaks ties, so the order is total; each observable has one date added per
// reader, so a page never repeats or skips one. A share withdrawn (its row deleted, or
// shared_with_all_at cleared) or a TLP raised past it removes the indicators; a share made again
// is a new date added, so they come back to an incremental poll.
//
// Not handled: a TLP lowered again (RED → AMBER, or AMBER → GREEN under a share with all) lets a
// share that was made before, and kept, grant again; its time is still the old one, so the
// indicators reappear with a date added in the past and an incremental poll misses them (a full
// walk without `added_after` has them). Withdrawing and making the share again fixes it.
//
// Index-served: the page is the merge of three branches, each read in its own index's order and
// cut at the page size — observables added while the reader could already read the incident
// (`incident_observables_created_at_id_index`), observables of incidents shared with the reader's
// agency by name after they were added (`incident_shares_agency_id_created_at_incident_id_index`),
// and of incidents shared with all after they were added (`incidents_shared_with_all_at_idx`).
// The branches are disjoint, so their union holds each observable once.
import { sql, type SQL } from 'drizzle-orm';
import { TLP_SHAREABLE_BY_NAME, TLP_SHAREABLE_WITH_ALL, seesEveryIncident, type ObservableType, type Tlp } from '@anc/domain';
import { rowsOf, type Db } from '../client.ts';
import type { ReadScope } from '../scope/incidents.ts';

/** Observable types a STIX pattern exists for (CVEs and free text are no indicators). */
export const INDICATOR_OBSERVABLE_TYPES = ['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256'] as const satisfies readonly ObservableType[];

export interface IndicatorRow {
  id: string;
  type: ObservableType;
  value: string;
  /** Its date added to this reader's collection (see the header). */
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
const list = (values: readonly string[], type: string) =>
  sql.join(
    values.map((v) => sql`${v}::${sql.raw(type)}`),
    sql`, `,
  );
const allOf = (parts: (SQL | undefined)[]) =>
  sql.join(
    parts.filter((p): p is SQL => p !== undefined),
    sql` and `,
  );

/**
 * Up to `limit` indicators the scope may read, in date-added order (see the header). One
 * statement; each branch reads its index in order and stops at `limit` rows.
 */
export async function listIndicatorPage(db: Db, scope: ReadScope, input: IndicatorPageInput): Promise<IndicatorRow[]> {
  const rows = rowsOf<Record<string, unknown>>(await db.execute(indicatorPageQuery(scope, input)));
  return rows.map((r) => ({
    id: String(r.id),
    type: r.type as ObservableType,
    value: String(r.value),
    addedAt: new Date(r.addedAt as string | Date),
    incidentId: String(r.incidentId),
    agencyId: String(r.agencyId),
    tlp: r.tlp as Tlp,
    detectedAt: new Date(r.detectedAt as string | Date),
    incidentCreatedAt: new Date(r.incidentCreatedAt as string | Date),
    incidentUpdatedAt: new Date(r.incidentUpdatedAt as string | Date),
  }));
}

/** The statement of `listIndicatorPage`, unexecuted (for EXPLAIN in tests and the bench). */
export function indicatorPageQuery(scope: ReadScope, input: IndicatorPageInput): SQL {
  const take = input.limit;
  const types = sql`o.type in (${list(INDICATOR_OBSERVABLE_TYPES, 'observable_type')})`;
  /** The keyset and `added_after` conditions on a branch whose date added is `at` (observable `o`). */
  const position = (at: string): SQL[] => [
    ...(input.after ? [sql`(${sql.raw(at)}, o.id) > (${instant(input.after.at)}, ${input.after.id}::uuid)`] : []),
    ...(input.addedAfter ? [sql`${sql.raw(at)} > ${instant(input.addedAfter)}`] : []),
  ];
  const byName = list(TLP_SHAREABLE_BY_NAME, 'tlp');
  const withAll = list(TLP_SHAREABLE_WITH_ALL, 'tlp');

  let page: SQL;
  if (seesEveryIncident(scope)) {
    page = sql`(select o.id, o.created_at as added_at from incident_observables o
      where ${allOf([types, ...position('o.created_at')])}
      order by o.created_at, o.id limit ${take})`;
  } else {
    const me = scope.agencyId;
    // Added while the reader could already read the incident: dated by the observable.
    const added = sql`(select o.id, o.created_at as added_at from incident_observables o join incidents i on i.id = o.incident_id
      where ${allOf([
        types,
        ...position('o.created_at'),
        sql`(i.agency_id = ${me}
          or (i.shared_with_all_at <= o.created_at and i.tlp in (${withAll}))
          or exists (select 1 from incident_shares s where s.incident_id = i.id and s.agency_id = ${me} and s.created_at <= o.created_at and i.tlp in (${byName})))`,
      ])}
      order by o.created_at, o.id limit ${take})`;
    // Shared with the reader by name after it was added, and not with all before that share: dated by the share.
    const named = sql`(select o.id, s.created_at as added_at from incident_shares s
      join incidents i on i.id = s.incident_id
      join incident_observables o on o.incident_id = s.incident_id
      where ${allOf([
        sql`s.agency_id = ${me}`,
        sql`i.agency_id <> ${me}`,
        sql`i.tlp in (${byName})`,
        types,
        sql`o.created_at < s.created_at`,
        sql`not (i.shared_with_all_at is not null and i.shared_with_all_at <= s.created_at and i.tlp in (${withAll}))`,
        ...position('s.created_at'),
      ])}
      order by s.created_at, o.id limit ${take})`;
    // Shared with all after it was added, and not with the reader by name before that: dated by the share.
    // (A TLP that allows a share with all allows one by name: TLP_SHAREABLE_WITH_ALL ⊂ TLP_SHAREABLE_BY_NAME.)
    const all = sql`(select o.id, i.shared_with_all_at as added_at from incidents i
      join incident_observables o on o.incident_id = i.id
      where ${allOf([
        sql`i.shared_with_all_at is not null`,
        sql`i.agency_id <> ${me}`,
        sql`i.tlp in (${withAll})`,
        types,
        sql`o.created_at < i.shared_with_all_at`,
        sql`not exists (select 1 from incident_shares s where s.incident_id = i.id and s.agency_id = ${me} and s.created_at < i.shared_with_all_at)`,
        ...position('i.shared_with_all_at'),
      ])}
      order by i.shared_with_all_at, o.id limit ${take})`;
    page = sql`${added} union all ${named} union all ${all}`;
  }
  return sql`select o.id, o.type, o.value, p.added_at as "addedAt", i.id as "incidentId", i.agency_id as "agencyId", i.tlp,
      i.detected_at as "detectedAt", i.created_at as "incidentCreatedAt", i.updated_at as "incidentUpdatedAt"
    from (${page}) p
    join incident_observables o on o.id = p.id
    join incidents i on i.id = o.incident_id
    order by p.added_at, p.id
    limit ${take}`;
}
