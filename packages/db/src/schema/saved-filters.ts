import { index, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

const ts = () => timestamp({ withTimezone: true, precision: 3 });

export const savedFilterList = pgEnum('saved_filter_list', ['incidents', 'tasks']);

/**
 * A person's saved views of a list (packages/domain/src/lists/saved-filters.ts): the filters and
 * sort as JSON validated by the list's own schema. One name per person and list (saving it again
 * replaces it).
 */
export const savedFilters = pgTable(
  'saved_filters',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    list: savedFilterList().notNull(),
    name: text().notNull(),
    query: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex().on(t.userId, t.list, t.name), index().on(t.userId, t.list, t.updatedAt)],
);
