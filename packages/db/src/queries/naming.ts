import { sql } from 'drizzle-orm';
import type { IncidentReadFacts, IncidentStatus, TaskReadFacts, Tlp } from '@anc/domain';
import { rowsOf, type Db } from '../client.ts';

/**
 * The facts the domain's `nameIncidentFor` / `nameTaskFor` (packages/domain/src/naming.ts) need
 * for a set of ids, each read in one statement at the time of the answer. Unknown ids are absent
 * from the map (and so named as hidden).
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (ids: Iterable<string>) => [...new Set([...ids].filter((id) => UUID.test(id)))];
const idList = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** `shares.named` says whether the incident is shared by name with `agencyId` (the reader's agency). */
export async function incidentReadFacts(db: Db, agencyId: string, ids: Iterable<string>): Promise<Map<string, IncidentReadFacts>> {
  const list = uuids(ids);
  const out = new Map<string, IncidentReadFacts>();
  if (list.length === 0) return out;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select i.id, i.reference, i.title, i.agency_id as "agencyId", i.tlp, i.status,
        (i.shared_with_all_at is not null) as "all",
        exists (select 1 from incident_shares s where s.incident_id = i.id and s.agency_id = ${agencyId}::uuid) as "named"
      from incidents i where i.id in (${idList(list)})`),
  );
  for (const r of rows) {
    out.set(String(r.id), {
      id: String(r.id),
      reference: String(r.reference),
      title: String(r.title),
      agencyId: String(r.agencyId),
      tlp: r.tlp as Tlp,
      status: r.status as IncidentStatus,
      shares: { named: r.named === true || r.named === 't', all: r.all === true || r.all === 't' },
    });
  }
  return out;
}

export async function taskReadFacts(db: Db, ids: Iterable<string>): Promise<Map<string, TaskReadFacts>> {
  const list = uuids(ids);
  const out = new Map<string, TaskReadFacts>();
  if (list.length === 0) return out;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select t.id, t.reference, t.title, t.assignee_agency_id as "assigneeAgencyId" from tasks t where t.id in (${idList(list)})`),
  );
  for (const r of rows) {
    out.set(String(r.id), { id: String(r.id), reference: String(r.reference), title: String(r.title), assigneeAgencyId: String(r.assigneeAgencyId) });
  }
  return out;
}
