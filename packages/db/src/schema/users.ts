import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { locale, role } from './enums.ts';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull(),
    role: role().notNull(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    passwordHash: text().notNull(),
    locale: locale().notNull().default('es-MX'),
    active: boolean().notNull().default(true),
    lastSignInAt: timestamp({ withTimezone: true, precision: 3 }),
    passwordChangedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  // The admin list pages newest first (keyset on created_at, id), optionally within one agency or role.
  (t) => [
    index().on(t.createdAt.desc(), t.id.desc()),
    index().on(t.agencyId, t.createdAt.desc(), t.id.desc()),
    index().on(t.role, t.createdAt.desc(), t.id.desc()),
  ],
);
