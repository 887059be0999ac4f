// What the portal shows of objects its reader may not read (issue 10, defects 3, 11, 12), in a
// real Chromium: SEDENA's incident merged into a TLP:RED report of SEMAR says "another incident";
// a task reassigned away from SEDENA is "a task" on the timeline and in the notifications; an
// initiative shows SEDENA's staff how many tasks of other agencies it has, not which.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, launchBrowser, newSession, screenshot, signInFromStart } from './browser.ts';

/** A tRPC call made by the page itself (same origin, its session cookie). */
function trpcCall<T>(page: Page, path: string, input: unknown, kind: 'query' | 'mutation'): Promise<T> {
  return page.evaluate(
    async ({ p, i, k }) => {
      const res =
        k === 'query'
          ? await fetch(`/trpc/${p}?input=${encodeURIComponent(JSON.stringify(i))}`)
          : await fetch(`/trpc/${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) });
      const body = (await res.json()) as { result?: { data: unknown }; error?: unknown };
      if (!body.result) throw new Error(`${p}: ${JSON.stringify(body.error)}`);
      return body.result.data;
    },
    { p: path, i: input, k: kind },
  ) as Promise<T>;
}

const HOUR = 3_600_000;
const incident = (agencyId: string, tlp: string, title: string) => ({
  agencyId,
  title,
  description: 'Se detectaron inicios de sesión desde direcciones externas con credenciales de un administrador.',
  rsitClass: 'intrusions',
  rsitType: 'privileged-account-compromise',
  severity: 2,
  tlp,
  detectedAt: new Date(Date.now() - 3 * HOUR).toISOString(),
  awareAt: new Date(Date.now() - 2 * HOUR).toISOString(),
  affectedSystems: 'Servidor de correo',
  impact: { personalData: false, criticalService: false, crossBorder: false },
});
const task = (assigneeAgencyId: string, title: string, link: Record<string, string>) => ({
  title,
  description: 'Revisar y documentar lo encontrado en el reporte de la dependencia.',
  priority: 'high',
  dueAt: new Date(Date.now() + 5 * 24 * HOUR).toISOString(),
  assigneeAgencyId,
  ...link,
});

interface Ref {
  id: string;
  reference: string;
  version: number;
}

describe('names of what the reader may not read', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a merge into a RED report of another agency, a reassigned task and other agencies’ initiative tasks name nothing', async () => {
    const coordinator = await newSession(browser);
    const admin = await newSession(browser);
    const staff = await newSession(browser);
    try {
      await signInFromStart(coordinator.page, DEMO.coordinator.email);
      const c = coordinator.page;
      const agencies = await trpcCall<{ items: { id: string; code: string }[] }>(c, 'agencies.list', {}, 'query');
      const idOf = (code: string) => agencies.items.find((a) => a.code === code)?.id ?? '';
      const [sedena, semar] = [idOf('SEDENA'), idOf('SEMAR')];
      const stamp = Date.now();

      const red = await trpcCall<Ref>(c, 'incidents.create', incident(semar, 'RED', `Exfiltración desde la red naval ${stamp}`), 'mutation');
      const mine = await trpcCall<Ref>(c, 'incidents.create', incident(sedena, 'AMBER', `Exfiltración del correo de SEDENA ${stamp}`), 'mutation');
      const taskTitle = `Aislar el servidor de correo ${stamp}`;
      const linked = await trpcCall<Ref>(c, 'tasks.create', task(sedena, taskTitle, { incidentId: mine.id }), 'mutation');
      await trpcCall(c, 'tasks.update', { id: linked.id, version: linked.version, assigneeAgencyId: semar }, 'mutation');
      const current = await trpcCall<Ref>(c, 'incidents.get', { id: mine.id }, 'query');
      await trpcCall(c, 'incidents.transition', { id: mine.id, version: current.version, to: 'merged', mergeIntoId: red.id }, 'mutation');

      await signInFromStart(admin.page, DEMO.admin.email);
      const initiative = await trpcCall<Ref & { code: string }>(
        admin.page,
        'initiatives.create',
        {
          code: `PN-2030-${String(stamp % 1000).padStart(3, '0')}`,
          title: `Red segura de buques ${stamp}`,
          description: 'Segmentar las redes de a bordo y de tierra.',
          objective: 'national_security',
          axes: ['critical_infrastructure'],
          leadAgencyId: sedena,
          participantAgencyIds: [semar],
          startDate: '2026-01-01',
          endDate: '2030-12-31',
          budgetMxn: '1500000.00',
        },
        'mutation',
      );
      const theirs = [
        await trpcCall<Ref>(c, 'tasks.create', task(semar, `Segmentar la red de buques ${stamp}`, { initiativeId: initiative.id }), 'mutation'),
        await trpcCall<Ref>(c, 'tasks.create', task(semar, `Auditar los accesos navales ${stamp}`, { initiativeId: initiative.id }), 'mutation'),
      ];

      const { page, pageErrors } = staff;
      await signInFromStart(page, DEMO.staff.email);

      await page.goto(`/incidentes/${mine.id}`);
      await expect.poll(() => page.getByTestId('incident-merged-note').textContent()).toBe('Este incidente es un duplicado y se fusionó en otro incidente.');
      const timeline = page.getByTestId('incident-timeline');
      await expect.poll(() => timeline.textContent()).toContain('fusionó este incidente en otro incidente');
      expect(await timeline.textContent()).toContain('asignó a SEDENA una tarea que ya no está a cargo de tu dependencia');
      const incidentPage = (await page.locator('main').textContent()) ?? '';
      for (const secret of [red.reference, linked.reference, taskTitle]) expect(incidentPage).not.toContain(secret);
      expect(await page.locator(`a[href*="${red.id}"], a[href*="${linked.id}"]`).count()).toBe(0);
      await screenshot(page, 'naming-incident-merged-into-hidden');

      await page.goto('/notificaciones');
      const list = page.getByTestId('notifications-list');
      await expect.poll(() => list.textContent()).toContain('Una tarea que ya no está a cargo de tu dependencia');
      expect(await list.textContent()).not.toContain(linked.reference);
      expect(await list.textContent()).not.toContain(taskTitle);
      expect(await list.locator(`a[href*="${linked.id}"]`).count()).toBe(0);

      await page.goto(`/iniciativas/${initiative.id}`);
      await expect.poll(() => page.getByTestId('initiative-tasks-hidden').textContent()).toBe('2 tareas más de otras dependencias.');
      expect(await page.getByTestId('initiative-tasks-empty').count()).toBe(0);
      const tasksSection = (await page.getByTestId('initiative-tasks').textContent()) ?? '';
      for (const t of theirs) expect(tasksSection).not.toContain(t.reference);
      await screenshot(page, 'naming-initiative-hidden-tasks');
      expect(pageErrors).toEqual([]);
    } finally {
      await coordinator.context.close();
      await admin.context.close();
      await staff.context.close();
    }
  });
});
