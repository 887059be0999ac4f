import { eq } from 'drizzle-orm';
import { incidentPlaybooks, tasks, type Db } from '@anc/db';
import type { RsitClass, UpsertPlaybookInput } from '@anc/domain';

/** A playbook an admin would write: one step for the reporting agency, one for the ANC. */
export function validPlaybook(rsitClass: RsitClass, overrides: Partial<UpsertPlaybookInput> = {}): UpsertPlaybookInput {
  return {
    rsitClass,
    title: 'Respuesta a compromiso de cuentas',
    steps: [
      {
        title: 'Restablecer las credenciales comprometidas',
        description: 'Forzar el cambio de contraseña y cerrar las sesiones activas.',
        assignTo: 'reporting_agency',
        dueAfterHours: 4,
      },
      { title: 'Analizar las bitácoras de acceso', assignTo: 'anc', dueAfterHours: 24 },
    ],
    ...overrides,
  };
}

/** The tasks of an incident, oldest first, as stored. */
export async function tasksOfIncident(db: Db, incidentId: string) {
  return db.select().from(tasks).where(eq(tasks.incidentId, incidentId)).orderBy(tasks.createdAt, tasks.reference);
}

export async function applicationsOf(db: Db, incidentId: string) {
  return db.select().from(incidentPlaybooks).where(eq(incidentPlaybooks.incidentId, incidentId));
}
