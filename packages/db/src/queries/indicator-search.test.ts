// The incidents list's search by indicator and its owner filter (issue 14): what they find, and
// their plans — index-served (EXPLAIN with sequential scans priced out, as in dashboard.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '../client.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { seedDemoData, seedReferenceData } from '../seed.ts';
import { seedDemoIncidents } from '../seed-incidents.ts';
import { agencies, incidents, users } from '../schema/index.ts';
import { incidentOwnerSql, incidentSearchSql, listIncidentSummaries } from './incidents.ts';

let t: TestDatabase;
const ids = { cfe: '', semar: '', coordinator: '' };

beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
  await seedDemoData(t.db, { passwordHash: 'not-a-real-hash' });
  await seedDemoIncidents(t.db);
  const byCode = new Map((await t.db.select().from(agencies)).map((a) => [a.code, a.id]));
  ids.cfe = byCode.get('CFE') ?? '';
  ids.semar = byCode.get('SEMAR') ?? '';
  const [coordinator] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, 'coordinacion@anc.gob.mx'));
  ids.coordinator = coordinator?.id ?? '';
});
afterAll(() => t.close());

async function plan(statement: SQL): Promise<string> {
  return t.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const rows = rowsOf<Record<string, string>>(await tx.execute(sql`explain ${statement}`));
    return rows.map((r) => Object.values(r)[0]).join('\n');
  });
}

const list = (scope: { role: 'staff' | 'coordinator'; agencyId: string }, q: string) =>
  listIncidentSummaries(t.db, scope, { q, limit: 25 }).then((r) => r.rows.map((row) => row.title));

describe('search by indicator', () => {
  it('finds the seeded incident that holds an IP address, in any spelling, and still searches text', async () => {
    const coordinator = { role: 'coordinator' as const, agencyId: 'anc' };
    const title = 'Comunicación con servidor de mando y control desde la red operativa';
    expect(await list(coordinator, '192.0.2.77')).toContain(title);
    expect(await list(coordinator, '192[.]0[.]2[.]77')).toContain(title);
    expect(await list(coordinator, 'UPDATE-CHECK[.]example')).toContain(title);
    expect(await list(coordinator, 'cve-2024-3094')).toHaveLength(1);
    expect(await list(coordinator, 'balizas')).toContain(title);
  });

  it('keeps to the caller’s scope: the reporting agency finds it, another agency does not', async () => {
    expect(await list({ role: 'staff', agencyId: ids.cfe }, '192.0.2.77')).toHaveLength(1);
    expect(await list({ role: 'staff', agencyId: ids.semar }, '192.0.2.77')).toEqual([]);
  });

  it('is index-served: the observables index once, the incidents by primary key or full text', async () => {
    const p = await plan(sql`select i.id from incidents i where ${incidentSearchSql('i', '192.0.2.77')} order by i.created_at desc, i.id desc limit 26`);
    expect(p).toMatch(/incident_observables_type_value_incident_id_index/);
    expect(p).toMatch(/incidents_pkey/);
    expect(p).toMatch(/incidents_search_idx/);
    expect(p).not.toMatch(/Seq Scan/);
  });
});

describe('owner filter', () => {
  it('lists one coordinator’s incidents from the owner index', async () => {
    const [some] = await t.db.select({ id: incidents.id }).from(incidents).limit(1);
    await t.db
      .update(incidents)
      .set({ ownerId: ids.coordinator })
      .where(eq(incidents.id, some?.id ?? ''));
    const { rows } = await listIncidentSummaries(t.db, { role: 'coordinator', agencyId: 'anc' }, { ownerId: ids.coordinator, limit: 25 });
    expect(rows.map((r) => [r.id, r.ownerName])).toEqual([[some?.id, 'Claudia Ríos']]);
    const p = await plan(
      sql`select i.id from incidents i where ${incidentOwnerSql('i', ids.coordinator)} order by i.created_at desc nulls last, i.id desc nulls last limit 26`,
    );
    expect(p).toMatch(/incidents_owner_idx/);
    expect(p).not.toMatch(/Seq Scan/);
  });
});
