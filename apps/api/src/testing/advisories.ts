// Helpers for the advisory API tests: a valid advisory, and advisories made the way coordinators make them.
import { eq } from 'drizzle-orm';
import { advisories, type Db } from '@anc/db';
import type { CreateAdvisoryInput } from '@anc/domain';
import type { Client } from './incidents.ts';
import { DAY, fromNow } from './tasks.ts';

export function validAdvisory(agencyIds: string[], overrides: Partial<CreateAdvisoryInput> = {}): CreateAdvisoryInput {
  return {
    title: 'Explotación activa de FortiOS SSL-VPN (CVE-2024-21762)',
    summary: 'Fortinet confirmó la explotación de una escritura fuera de límites en sslvpnd.',
    body: 'Un atacante remoto sin autenticar puede ejecutar código con solicitudes HTTP manipuladas.',
    severity: 4,
    tlp: 'AMBER',
    cves: ['CVE-2024-21762'],
    actionRequired: 'Actualizar FortiOS a 7.4.3, 7.2.7 o 7.0.14, o deshabilitar la VPN SSL.',
    respondBy: fromNow(3 * DAY),
    agencyIds,
    ...overrides,
  };
}

/** A draft by the coordinator; `published` publishes it too. */
export async function makeAdvisory(coordinator: Client, agencyIds: string[], options: { published?: boolean; overrides?: Partial<CreateAdvisoryInput> } = {}) {
  const draft = await coordinator.trpc.advisories.create.mutate(validAdvisory(agencyIds, options.overrides));
  if (!options.published) return draft;
  return coordinator.trpc.advisories.publish.mutate({ id: draft.id, version: draft.version });
}

/** Moves an advisory's answer deadline (the tests' clock: respondBy in the past without waiting). */
export async function setRespondBy(db: Db, id: string, respondBy: Date): Promise<void> {
  await db.update(advisories).set({ respondBy }).where(eq(advisories.id, id));
}
