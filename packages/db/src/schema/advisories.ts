import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ADVISORY_RESPONSE_STATUSES, ADVISORY_STATUSES } from '@anc/domain';
import { agencies } from './agencies.ts';
import { tlp } from './enums.ts';
import { incidents } from './incidents.ts';
import { users } from './users.ts';

const ts = () => timestamp({ withTimezone: true, precision: 3 });

/**
 * Advisories (alertas) from the ANC to agencies (docs/API.md "Advisories"). References
 * `ALR-YYYY-NNNNNN` come from `reference_counters` (scope `ALR`), gapless per year.
 */
export const advisories = pgTable(
  'advisories',
  {
    id: uuid().primaryKey().defaultRandom(),
    reference: text().notNull().unique(),
    title: text().notNull(),
    summary: text().notNull(),
    body: text().notNull(),
    severity: smallint().notNull(),
    tlp: tlp().notNull(),
    cves: text()
      .array()
      .notNull()
      .default(sql`'{}'`),
    actionRequired: text().notNull(),
    respondBy: ts().notNull(),
    /** Every agency (CLEAR and GREEN only): at publication the active agencies are written to `advisory_agencies`. */
    allAgencies: boolean().notNull().default(false),
    status: text({ enum: ADVISORY_STATUSES }).notNull().default('draft'),
    /** The incident it was drafted from, if any. */
    incidentId: uuid().references(() => incidents.id),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    publishedAt: ts(),
    closedAt: ts(),
    version: integer().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.createdAt.desc(), t.id.desc()), index().on(t.status, t.createdAt.desc(), t.id.desc())],
);

/**
 * The addressed agencies: named ones from the draft on; for an advisory to every agency, the
 * agencies active at publication. The latest answer is kept here too (written under this row's
 * lock, so it is always the newest row of `advisory_responses`); `remindedAt` is the reminder
 * job's claim (once per advisory and agency).
 */
export const advisoryAgencies = pgTable(
  'advisory_agencies',
  {
    advisoryId: uuid()
      .notNull()
      .references(() => advisories.id, { onDelete: 'cascade' }),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    latestStatus: text({ enum: ADVISORY_RESPONSE_STATUSES }),
    latestAt: ts(),
    remindedAt: ts(),
  },
  (t) => [primaryKey({ columns: [t.advisoryId, t.agencyId] }), index().on(t.agencyId, t.advisoryId)],
);

/** Every answer of an agency, kept: the history. */
export const advisoryResponses = pgTable(
  'advisory_responses',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    advisoryId: uuid()
      .notNull()
      .references(() => advisories.id, { onDelete: 'cascade' }),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    status: text({ enum: ADVISORY_RESPONSE_STATUSES }).notNull(),
    comment: text(),
    respondedAt: ts().notNull().defaultNow(),
  },
  (t) => [index().on(t.advisoryId, t.agencyId, t.id)],
);
