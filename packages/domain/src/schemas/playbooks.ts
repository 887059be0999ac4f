import { z } from 'zod';
import { Id, optionalText, text } from './common.ts';
import { RSIT_CLASSES } from '../incidents/taxonomy.ts';

/**
 * Playbooks (docs/API.md "Coordination under the federal cybersecurity policy"): a list of steps
 * per RSIT class that a coordinator turns into tasks of an incident. At most one playbook per
 * class (a unique index in packages/db/src/schema/playbooks.ts): the one the triage dialog proposes.
 */
export const PLAYBOOK_TITLE_MAX = 160;
export const PLAYBOOK_STEP_TITLE_MAX = 200;
export const PLAYBOOK_STEP_DESCRIPTION_MAX = 4_000;
export const PLAYBOOK_STEPS_MAX = 20;
/** A step is due at most a year after it is applied. */
export const PLAYBOOK_DUE_AFTER_HOURS_MAX = 24 * 365;

/** Who a step's task is assigned to: the incident's reporting agency, or the ANC itself. */
export const PLAYBOOK_ASSIGNEES = ['reporting_agency', 'anc'] as const;
export type PlaybookAssignee = (typeof PLAYBOOK_ASSIGNEES)[number];

export const PlaybookStep = z.object({
  title: text(3, PLAYBOOK_STEP_TITLE_MAX),
  description: optionalText(PLAYBOOK_STEP_DESCRIPTION_MAX).default(''),
  assignTo: z.enum(PLAYBOOK_ASSIGNEES, { error: 'invalid_option' }),
  dueAfterHours: z
    .number({ error: 'due_after_hours_invalid' })
    .int({ error: 'due_after_hours_invalid' })
    .min(1, { error: 'due_after_hours_invalid' })
    .max(PLAYBOOK_DUE_AFTER_HOURS_MAX, { error: 'due_after_hours_too_long' }),
});
export type PlaybookStepInput = z.input<typeof PlaybookStep>;
export type PlaybookStepData = z.output<typeof PlaybookStep>;

/** `playbooks.upsert` (admins): without `id` a new playbook; with `id` an edit that carries the `version` it read. */
export const UpsertPlaybookInput = z
  .object({
    id: Id.optional(),
    version: z.number().int().min(0).optional(),
    rsitClass: z.enum(RSIT_CLASSES, { error: 'invalid_option' }),
    title: text(3, PLAYBOOK_TITLE_MAX),
    steps: z.array(PlaybookStep).min(1, { error: 'playbook_steps_required' }).max(PLAYBOOK_STEPS_MAX, { error: 'playbook_too_many_steps' }),
  })
  .superRefine((v, ctx) => {
    if (v.id && v.version === undefined) ctx.addIssue({ code: 'custom', path: ['version'], message: 'required' });
  });
export type UpsertPlaybookInput = z.input<typeof UpsertPlaybookInput>;
export type UpsertPlaybookData = z.output<typeof UpsertPlaybookInput>;

export const PlaybookIdInput = z.object({ id: Id });
export const ListPlaybooksInput = z.object({ rsitClass: z.enum(RSIT_CLASSES, { error: 'invalid_option' }).optional() }).optional();

/**
 * `incidents.applyPlaybook` (coordinators): the steps become tasks of the incident, once per
 * playbook and incident. `expectedVersion`: the playbook version the coordinator was shown; a
 * playbook changed since answers CONFLICT.
 */
export const ApplyPlaybookInput = z.object({ id: Id, playbookId: Id, expectedVersion: z.number().int().min(1).optional() });
export type ApplyPlaybookInput = z.infer<typeof ApplyPlaybookInput>;

/** When a step's task is due: `dueAfterHours` after the playbook is applied. */
export const stepDueAt = (appliedAt: Date, dueAfterHours: number): Date => new Date(appliedAt.getTime() + dueAfterHours * 3_600_000);
