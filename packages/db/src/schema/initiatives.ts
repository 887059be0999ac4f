import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { encsObjective, initiativeStatus, transversalAxis } from './enums.ts';
import { users } from './users.ts';

const ts = () => timestamp({ withTimezone: true, precision: 3 });

/** The master-plan registry (DESIGN: Initiative). Budget is an exact decimal, handed over as a string. */
export const initiatives = pgTable(
  'initiatives',
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull().unique(),
    title: text().notNull(),
    description: text().notNull().default(''),
    objective: encsObjective().notNull(),
    axes: transversalAxis()
      .array()
      .notNull()
      .default(sql`'{}'`),
    leadAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    status: initiativeStatus().notNull().default('proposed'),
    statusReason: text(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }).notNull(),
    budgetMxn: numeric({ precision: 16, scale: 2 }).notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    version: integer().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index().on(t.objective, t.code),
    index().on(t.leadAgencyId, t.code),
    index().on(t.status, t.code),
    check('initiatives_dates_ordered', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

export const initiativeParticipants = pgTable(
  'initiative_participants',
  {
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
  },
  (t) => [primaryKey({ columns: [t.initiativeId, t.agencyId] }), index().on(t.agencyId)],
);

export const initiativeMilestones = pgTable(
  'initiative_milestones',
  {
    id: uuid().primaryKey().defaultRandom(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    title: text().notNull(),
    dueDate: date({ mode: 'string' }).notNull(),
    doneDate: date({ mode: 'string' }),
    doneBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index().on(t.initiativeId, t.dueDate),
    index('initiative_milestones_open_due_idx')
      .on(t.dueDate)
      .where(sql`${t.doneDate} is null`),
  ],
);

export const initiativeKpis = pgTable(
  'initiative_kpis',
  {
    id: uuid().primaryKey().defaultRandom(),
    initiativeId: uuid()
      .notNull()
      .references(() => initiatives.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    unit: text().notNull(),
    baseline: numeric({ precision: 20, scale: 4 }).notNull(),
    target: numeric({ precision: 20, scale: 4 }).notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.initiativeId)],
);

/** Every recorded value of a KPI; the current value is the latest by `at`. */
export const initiativeKpiValues = pgTable(
  'initiative_kpi_values',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    kpiId: uuid()
      .notNull()
      .references(() => initiativeKpis.id, { onDelete: 'cascade' }),
    value: numeric({ precision: 20, scale: 4 }).notNull(),
    at: ts().notNull(),
    recordedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.kpiId, t.at, t.id)],
);
