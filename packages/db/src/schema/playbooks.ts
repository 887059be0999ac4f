import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { PlaybookStepData } from '@anc/domain';
import { rsitClass } from './enums.ts';
import { incidents } from './incidents.ts';
import { users } from './users.ts';

const ts = () => timestamp({ withTimezone: true, precision: 3 });

/**
 * The steps the ANC follows for one RSIT class (docs/API.md "Playbooks"). At most one playbook
 * per class: the one the triage dialog proposes. The steps are edited as a whole (validated by
 * `UpsertPlaybookInput` in packages/domain/src/schemas/playbooks.ts), so they are kept together.
 */
export const playbooks = pgTable(
  'playbooks',
  {
    id: uuid().primaryKey().defaultRandom(),
    rsitClass: rsitClass().notNull(),
    title: text().notNull(),
    steps: jsonb().$type<PlaybookStepData[]>().notNull(),
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id),
    updatedBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('playbooks_rsit_class_idx').on(t.rsitClass)],
);

/**
 * A playbook applied to an incident: one row per incident and playbook, so a second application
 * (even a concurrent one) finds the row and is refused. Records the version whose steps became tasks.
 */
export const incidentPlaybooks = pgTable(
  'incident_playbooks',
  {
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    playbookId: uuid()
      .notNull()
      .references(() => playbooks.id),
    playbookVersion: integer().notNull(),
    appliedBy: uuid()
      .notNull()
      .references(() => users.id),
    appliedAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.playbookId] }), index().on(t.playbookId)],
);
