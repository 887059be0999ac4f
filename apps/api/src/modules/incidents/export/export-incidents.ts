// The reads behind the two exports: the same scoped queries as `incidents.list` and
// `incidents.get`, so an export never shows what the portal would not.
import { getAgency, listIncidentSummaries, type Db } from '@anc/db';
import { withOwnerResolved, type Actor, type IncidentFilters } from '@anc/domain';
import { buildIncidentDetail, toIncidentSummary, type IncidentSummary } from '../incident-dto.ts';
import { readableOr404 } from '../incident-rules.ts';
import { buildStixBundle, type StixBundle } from './stix.ts';

export const EXPORT_PAGE_SIZE = 500;

/**
 * Every incident of the filtered list, page by page (keyset cursors, newest first). The first
 * page is read before this resolves, so a failing query is still an error response and not a
 * cut download; the later pages are read as the consumer asks for them. One `now` for the whole
 * export keeps the obligation filter and states consistent from the first row to the last.
 */
export async function incidentSummaryPages(
  db: Db,
  actor: Actor,
  filters: IncidentFilters,
  { now = new Date(), pageSize = EXPORT_PAGE_SIZE }: { now?: Date; pageSize?: number } = {},
): Promise<AsyncIterable<IncidentSummary[]>> {
  const page = async (cursor: string | undefined) => {
    const { rows, nextCursor } = await listIncidentSummaries(db, actor, { ...withOwnerResolved(filters, actor), cursor, limit: pageSize }, now);
    return { items: rows.map((r) => toIncidentSummary(r, now)), nextCursor };
  };
  const first = await page(undefined);
  return (async function* () {
    let current = first;
    yield current.items;
    while (current.nextCursor) {
      current = await page(current.nextCursor);
      yield current.items;
    }
  })();
}

/** One incident the actor may read as a STIX 2.1 bundle; NOT_FOUND otherwise, as for `incidents.get`. */
export async function incidentStixBundle(db: Db, actor: Actor, id: string): Promise<{ reference: string; bundle: StixBundle }> {
  const row = await readableOr404(db, actor, id);
  const [detail, agency] = await Promise.all([buildIncidentDetail(db, actor, row), getAgency(db, row.agencyId)]);
  if (!agency) throw new Error('reporting agency missing');
  return { reference: row.reference, bundle: buildStixBundle(detail, agency) };
}
