import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { digestOption, locale, role, userKind } from './enums.ts';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull().unique(),
    name: text().notNull(),
    role: role().notNull(),
    /** `person` signs in with a password; `api_client` is the principal of an API client (never signs in). */
    kind: userKind().notNull().default('person'),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    passwordHash: text().notNull(),
    locale: locale().notNull().default('es-MX'),
    active: boolean().notNull().default(true),
    lastSignInAt: timestamp({ withTimezone: true, precision: 3 }),
    passwordChangedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Notification preferences (`auth.updatePreferences`): e-mail on or off, one mail per event or a daily digest. */
    emailNotifications: boolean().notNull().default(true),
    digest: digestOption().notNull().default('none'),
    /** The end of the window the last daily digest covered (apps/api/src/modules/notifications/digest-job.ts). */
    lastDigestAt: timestamp({ withTimezone: true, precision: 3 }),
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

/** The accounts of people (not the principals of API clients): who signs in, is listed, is told, is assigned. */
export const isPerson = sql`${users.kind} = 'person'`;
