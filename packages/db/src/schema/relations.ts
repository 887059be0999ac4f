import { relations } from 'drizzle-orm';
import { agencies } from './agencies.ts';
import { auditEvents } from './audit.ts';
import { sessions } from './sessions.ts';
import { users } from './users.ts';

export const agenciesRelations = relations(agencies, ({ many }) => ({ users: many(users) }));
export const usersRelations = relations(users, ({ one, many }) => ({
  agency: one(agencies, { fields: [users.agencyId], references: [agencies.id] }),
  sessions: many(sessions),
}));
export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));
export const auditEventsRelations = relations(auditEvents, ({ one }) => ({
  actor: one(users, { fields: [auditEvents.actorId], references: [users.id] }),
}));
