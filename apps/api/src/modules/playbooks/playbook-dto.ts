import type { PlaybookRow } from '@anc/db';

/** A playbook as every answer carries it. */
export const toPlaybookDto = (row: PlaybookRow) => ({
  id: row.id,
  rsitClass: row.rsitClass,
  title: row.title,
  steps: row.steps.map((s) => ({ title: s.title, description: s.description, assignTo: s.assignTo, dueAfterHours: s.dueAfterHours })),
  version: row.version,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});
export type PlaybookDto = ReturnType<typeof toPlaybookDto>;

/** What the audit rows of a playbook record. */
export const playbookAuditFields = (row: PlaybookRow) => ({
  rsitClass: row.rsitClass,
  title: row.title,
  steps: row.steps.map((s) => `${s.assignTo}:${s.dueAfterHours}h:${s.title}`),
});
