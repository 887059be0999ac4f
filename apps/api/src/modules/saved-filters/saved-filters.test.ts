// Saved filters over real HTTP: each person lists, saves and removes their own only; the stored
// query is the list's own filters and sort, validated by the same schema; another person's answers
// NOT_FOUND and is never listed.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SAVED_FILTERS_MAX_PER_LIST, messageFor } from '@anc/domain';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { auditCountFor, type Client } from '../../testing/incidents.ts';

let s: TestServer;
let staff: Client;
let otherStaff: Client;
let coordinator: Client;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
beforeEach(async () => {
  await s.reset();
  [staff, otherStaff, coordinator] = await Promise.all([signedIn(s.url, DEMO.sedena), signedIn(s.url, DEMO.semar), signedIn(s.url, DEMO.coordinator)]);
});

describe('saved filters', () => {
  it('saves, lists by name, replaces by the same name, removes; each save and removal audited', async () => {
    const urgent = await coordinator.trpc.savedFilters.save.mutate({
      list: 'incidents',
      name: 'Urgentes sin clasificar',
      query: { status: ['submitted'], severity: [4, 5], sort: 'deadline', dir: 'asc' },
    });
    await coordinator.trpc.savedFilters.save.mutate({ list: 'incidents', name: 'Phishing', query: { rsitClass: ['fraud'] } });
    await coordinator.trpc.savedFilters.save.mutate({ list: 'tasks', name: 'Vencidas', query: { overdue: true, sort: 'due' } });
    expect(urgent).toMatchObject({
      list: 'incidents',
      name: 'Urgentes sin clasificar',
      query: { status: ['submitted'], severity: [4, 5], sort: 'deadline', dir: 'asc' },
    });

    const listed = await coordinator.trpc.savedFilters.list.query({ list: 'incidents' });
    expect(listed.items.map((f) => f.name)).toEqual(['Phishing', 'Urgentes sin clasificar']);
    expect((await coordinator.trpc.savedFilters.list.query({ list: 'tasks' })).items.map((f) => [f.name, f.query])).toEqual([
      ['Vencidas', { overdue: true, sort: 'due' }],
    ]);

    const replaced = await coordinator.trpc.savedFilters.save.mutate({
      list: 'incidents',
      name: 'Phishing',
      query: { rsitClass: ['fraud'], sort: 'severity', dir: 'desc' },
    });
    const after = await coordinator.trpc.savedFilters.list.query({ list: 'incidents' });
    expect(after.items.map((f) => [f.id, f.name, f.query])).toEqual([
      [replaced.id, 'Phishing', { rsitClass: ['fraud'], sort: 'severity', dir: 'desc' }],
      [urgent.id, 'Urgentes sin clasificar', urgent.query],
    ]);
    expect(await auditCountFor(s.t.db, 'saved_filter.save', replaced.id)).toBe(2);

    expect(await coordinator.trpc.savedFilters.remove.mutate({ id: urgent.id })).toEqual({ ok: true });
    expect((await coordinator.trpc.savedFilters.list.query({ list: 'incidents' })).items.map((f) => f.name)).toEqual(['Phishing']);
    expect(await auditCountFor(s.t.db, 'saved_filter.remove', urgent.id)).toBe(1);
  });

  it('another person’s filters are not listed, and removing one answers NOT_FOUND and removes nothing', async () => {
    const mine = await staff.trpc.savedFilters.save.mutate({ list: 'tasks', name: 'Mis tareas', query: { mine: true } });
    // The same name for someone else is their own filter.
    const theirs = await otherStaff.trpc.savedFilters.save.mutate({ list: 'tasks', name: 'Mis tareas', query: { status: ['open'] } });
    expect(theirs.id).not.toBe(mine.id);
    expect((await otherStaff.trpc.savedFilters.list.query({ list: 'tasks' })).items.map((f) => f.id)).toEqual([theirs.id]);
    expect((await coordinator.trpc.savedFilters.list.query({ list: 'tasks' })).items).toEqual([]);
    for (const caller of [otherStaff, coordinator]) {
      expect(await errorOf(caller.trpc.savedFilters.remove.mutate({ id: mine.id }))).toMatchObject({ code: 'NOT_FOUND', reason: 'not_found' });
    }
    expect((await staff.trpc.savedFilters.list.query({ list: 'tasks' })).items.map((f) => [f.id, f.query])).toEqual([[mine.id, { mine: true }]]);
  });

  it('the query is validated by the list’s own schema: an unknown field or a bad value is BAD_REQUEST by field', async () => {
    const bad = await errorOf(staff.trpc.savedFilters.save.mutate({ list: 'incidents', name: 'Mala', query: { severity: [9], sort: 'title' as 'severity' } }));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST' });
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['query.severity.0', 'query.sort']);
    // A task filter is not an incident filter.
    expect((await errorOf(staff.trpc.savedFilters.save.mutate({ list: 'incidents', name: 'Cruzada', query: { overdue: true } as never }))).code).toBe(
      'BAD_REQUEST',
    );
    expect((await errorOf(staff.trpc.savedFilters.save.mutate({ list: 'tasks', name: '  ', query: {} }))).fieldErrors).toEqual({
      name: [messageFor('required', 'es-MX')],
    });
    expect((await staff.trpc.savedFilters.list.query({ list: 'incidents' })).items).toEqual([]);
  });

  it(`at most ${SAVED_FILTERS_MAX_PER_LIST} a list; replacing one at the limit still works`, async () => {
    for (let n = 0; n < SAVED_FILTERS_MAX_PER_LIST; n++) await staff.trpc.savedFilters.save.mutate({ list: 'tasks', name: `Vista ${n}`, query: {} });
    expect(await errorOf(staff.trpc.savedFilters.save.mutate({ list: 'tasks', name: 'Una más', query: {} }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'saved_filters_limit',
    });
    expect((await staff.trpc.savedFilters.save.mutate({ list: 'tasks', name: 'Vista 3', query: { overdue: true } })).query).toEqual({ overdue: true });
    // The other list has its own allowance.
    expect((await staff.trpc.savedFilters.save.mutate({ list: 'incidents', name: 'Una más', query: {} })).name).toBe('Una más');
  });
});
