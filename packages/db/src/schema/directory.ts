import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { designationRole } from './enums.ts';
import { users } from './users.ts';

const ts = () => timestamp({ withTimezone: true, precision: 3 });

/**
 * The institutional directory (packages/domain/src/directory/): every designation ever made. The
 * current holder of a role is the row with `replaced_at` null (at most one per agency and role); a
 * new designation stamps the previous one's `replaced_at` and keeps it as history.
 */
export const agencyDesignations = pgTable(
  'agency_designations',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    role: designationRole().notNull(),
    name: text().notNull(),
    position: text().notNull(),
    email: text().notNull(),
    /** E.164 (+525512345678). */
    phone: text().notNull(),
    /** The day of the designation, a Mexico City calendar day. */
    designatedAt: date({ mode: 'string' }).notNull(),
    recordedBy: uuid().references(() => users.id),
    recordedAt: ts().notNull().defaultNow(),
    replacedAt: ts(),
  },
  (t) => [
    uniqueIndex('agency_designations_current')
      .on(t.agencyId, t.role)
      .where(sql`${t.replacedAt} is null`),
    index().on(t.agencyId, t.recordedAt),
  ],
);

/** One 24/7 emergency contact per agency (a person or a desk). */
export const agencyEmergencyContacts = pgTable('agency_emergency_contacts', {
  agencyId: uuid()
    .primaryKey()
    .references(() => agencies.id),
  name: text().notNull(),
  phone: text().notNull(),
  email: text().notNull(),
  updatedBy: uuid().references(() => users.id),
  updatedAt: ts().notNull().defaultNow(),
});
