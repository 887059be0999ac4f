// The demo evidence files (demo-files.ts): stored once through the upload use case on the tasks
// whose seeded history mentions them, with the bytes, sniffed type and audit row of a real upload.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  getEvidenceChunk,
  listEvidenceFiles,
  seedDemoData,
  seedDemoIncidents,
  seedDemoPlan,
  seedDemoTasks,
  seedReferenceData,
  tasks,
} from '@anc/db';
import { createTestDatabase, type TestDatabase } from '@anc/db/testing';
import { sha256Hex } from '../../testing/files.ts';
import { DEMO_FILES, seedDemoFiles } from './demo-files.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
  await seedDemoData(t.db, { passwordHash: 'not-a-real-hash' });
  await seedDemoIncidents(t.db);
  await seedDemoPlan(t.db);
  await seedDemoTasks(t.db);
}, 60_000);
afterAll(() => t.close());

describe('demo evidence files', () => {
  it('stores each once on its task, as its liaison uploaded it: same bytes, sniffed type, audited', async () => {
    expect(await seedDemoFiles(t.db)).toEqual({ files: DEMO_FILES.length });
    expect(await seedDemoFiles(t.db)).toEqual({ files: 0 });
    const types: (string | null | undefined)[] = [];
    for (const demo of DEMO_FILES) {
      const [task] = await t.db.select({ id: tasks.id }).from(tasks).where(eq(tasks.title, demo.taskTitle));
      const taskId = task?.id ?? 'missing';
      const [file, ...more] = await listEvidenceFiles(t.db, { taskId });
      const bytes = demo.bytes();
      const chunk = file ? await getEvidenceChunk(t.db, file.id, 0) : undefined;
      const audits = await t.db
        .select({ origin: auditEvents.origin })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, taskId), eq(auditEvents.action, 'task.uploadFile')));
      expect({ more: more.length, name: file?.name, size: file?.size, sha256: file?.sha256, bytesBack: chunk ? sha256Hex(chunk) : null, audits }).toEqual({
        more: 0,
        name: demo.name,
        size: bytes.length,
        sha256: sha256Hex(bytes),
        bytesBack: sha256Hex(bytes),
        audits: [{ origin: { source: 'seed' } }],
      });
      types.push(file?.sniffedType);
    }
    expect(types).toEqual(['image/png', null]);
  });
});
