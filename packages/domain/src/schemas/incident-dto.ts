import { z } from 'zod';
import { INCIDENT_CAPABILITIES, type IncidentCapability } from '../incidents/access.ts';
import { OBLIGATION_KINDS, OBLIGATION_STATES } from '../incidents/obligations.ts';
import { OBSERVABLE_TYPES } from '../incidents/observables.ts';
import { AttachmentDto, UploadedFileDto } from '../files/files.ts';
import { INCIDENT_STATUSES } from '../incidents/status.ts';
import { RSIT_CLASSES, RSIT_TYPES, TLP_LEVELS } from '../incidents/taxonomy.ts';
import { NOTE_VISIBILITIES } from '../incidents/visibility.ts';
import { TASK_DUE_STATES } from '../tasks/due.ts';
import { TASK_PRIORITIES, TASK_STATUSES } from '../tasks/status.ts';
import { REPORT_KINDS } from './incidents.ts';

/**
 * The answers of the incident procedures (`incidents.list`, `.get`, `.create`, `.submitReport`,
 * `.addObservables`, … over tRPC, and the same over REST v1), as the ONE description of them: the
 * API's DTO builders (apps/api/src/modules/incidents/incident-dto.ts, tasks/task-dto.ts) are typed
 * as `z.output` of these, so a field one has and the other lacks fails `tsc`; REST v1's OpenAPI
 * document (apps/api/src/rest/openapi.ts) is generated from them; and
 * apps/api/src/rest/answers.test.ts parses real answers with them, so a runtime drift (a Date
 * where an ISO string belongs, an extra key) fails a test. Every object is strict. The answers are
 * not parsed on the request path (CPU per request; issue 17).
 */

/** An instant as the API writes it (`Date.toISOString()`, UTC). */
const Instant = z.iso.datetime({ offset: true });
const Uuid = z.uuid();
const Count = z.int().min(0);

/** What the timeline records (packages/db/src/schema/incidents.ts `incident_events.kind`). */
export const INCIDENT_EVENT_KINDS = [
  'created',
  'updated',
  'comment',
  'status',
  'shared',
  'unshared',
  'report',
  'observables_added',
  'observable_removed',
  'merged_from',
  /** A coordinator assigned a task about this incident (data: task {id, reference, title}, assigneeAgency {id, code}). */
  'task_created',
  /** A coordinator applied a playbook (data: playbook {id, title}); its tasks follow as `task_created` entries. */
  'playbook_applied',
  /** A coordinator took the incident, gave it to another coordinator or left it without owner (data: from, to: {id, name} or null). */
  'owner_changed',
] as const;
export type IncidentEventKind = (typeof INCIDENT_EVENT_KINDS)[number];

export const AgencyRefDto = z.strictObject({ id: Uuid, code: z.string(), name: z.string(), nameEn: z.string() }).meta({ id: 'AgencyRef' });
export type AgencyRefDto = z.output<typeof AgencyRefDto>;

const UserRef = z.strictObject({ id: Uuid, name: z.string() });

/**
 * Another incident or a task, named only to a reader who may read it now
 * (packages/domain/src/naming.ts `NameFor`): its id, reference and title, or `{ hidden: true }`.
 */
export const NameForDto = z
  .union([z.strictObject({ id: Uuid, reference: z.string(), title: z.string() }), z.strictObject({ hidden: z.literal(true) })])
  .meta({ id: 'NameFor' });

export const NextObligationDto = z.strictObject({ kind: z.enum(OBLIGATION_KINDS), dueAt: Instant, state: z.enum(OBLIGATION_STATES) });
export type NextObligationDto = z.output<typeof NextObligationDto>;

export const IncidentSummary = z
  .strictObject({
    id: Uuid,
    reference: z.string().describe('INC-YYYY-NNNNNN'),
    title: z.string(),
    agency: AgencyRefDto,
    status: z.enum(INCIDENT_STATUSES),
    severity: z.int().min(0).max(5),
    tlp: z.enum(TLP_LEVELS),
    rsitClass: z.enum(RSIT_CLASSES),
    rsitType: z.enum(RSIT_TYPES).nullable(),
    awareAt: Instant,
    createdAt: Instant,
    nextObligation: NextObligationDto.nullable().describe('The next obligation still owed; null once all are met'),
    owner: UserRef.nullable().describe('The ANC coordinator in charge of it; null when nobody is'),
    version: z.int().min(1).describe('What a bulk action on the listed row passes back (incidents.bulk)'),
  })
  .meta({ id: 'IncidentSummary' });
export type IncidentSummary = z.output<typeof IncidentSummary>;

export const IncidentList = z
  .strictObject({ items: z.array(IncidentSummary), nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last') })
  .meta({ id: 'IncidentList' });
export type IncidentList = z.output<typeof IncidentList>;

/** A task about the incident, as task lists show it (apps/api/src/modules/tasks/task-dto.ts `toTaskSummary`). */
export const TaskSummaryDto = z
  .strictObject({
    id: Uuid,
    reference: z.string().describe('TSK-YYYY-NNNNNN'),
    title: z.string(),
    priority: z.enum(TASK_PRIORITIES),
    status: z.enum(TASK_STATUSES),
    dueAt: Instant,
    dueState: z.enum(TASK_DUE_STATES),
    assigneeAgency: AgencyRefDto,
    assigneeUser: UserRef.nullable(),
    incident: z
      .strictObject({ id: Uuid, reference: z.string(), title: z.string() })
      .nullable()
      .describe('Null also when the caller may not read the linked incident'),
    initiative: z.strictObject({ id: Uuid, code: z.string(), title: z.string() }).nullable(),
    createdAt: Instant,
    updatedAt: Instant,
  })
  .meta({ id: 'TaskSummary' });
export type TaskSummaryDto = z.output<typeof TaskSummaryDto>;

const ObservableValue = z.strictObject({ type: z.enum(OBSERVABLE_TYPES), value: z.string() });

/** What each kind of timeline entry carries in `data` (written by apps/api/src/modules/incidents/*, tasks/create-task.ts). */
const EVENT_DATA = {
  created: z.strictObject({ reference: z.string(), observables: Count.describe('Observables filed with the report') }),
  updated: z.strictObject({ fields: z.array(z.string()).describe('The fields the edit changed') }),
  comment: z.strictObject({}),
  status: z.strictObject({ from: z.enum(INCIDENT_STATUSES), to: z.enum(INCIDENT_STATUSES), mergedInto: NameForDto.optional() }),
  shared: z.strictObject({ agencies: z.array(z.string()).describe('Codes of the agencies it was newly shared with'), allAgencies: z.boolean() }),
  unshared: z.strictObject({
    agency: z.string().nullable().describe('Code of the agency; null when the share with every agency was withdrawn'),
    allAgencies: z.boolean(),
  }),
  report: z.strictObject({ kind: z.enum(REPORT_KINDS) }),
  observables_added: z.strictObject({ observables: z.array(ObservableValue) }),
  observable_removed: z.strictObject({ observable: ObservableValue }),
  merged_from: z.strictObject({ incident: NameForDto.describe('The incident merged into this one') }),
  task_created: z.strictObject({ task: NameForDto, assigneeAgency: z.strictObject({ id: Uuid, code: z.string() }) }),
  playbook_applied: z.strictObject({ playbook: z.strictObject({ id: Uuid, title: z.string() }) }),
  owner_changed: z.strictObject({ from: UserRef.nullable(), to: UserRef.nullable() }),
} as const satisfies Record<IncidentEventKind, z.ZodObject>;

/** One timeline entry of kind `kind`; what every entry has, and its `data`. */
function timelineEntry<K extends IncidentEventKind, D extends z.ZodObject>(kind: K, data: D) {
  return z.strictObject({
    id: z.string().regex(/^\d+$/),
    at: Instant,
    kind: z.literal(kind),
    body: z.string().nullable().describe('The comment, the step’s reason or the report; null when there is none or the reader may not read it'),
    visibility: z.enum(NOTE_VISIBILITIES).nullable().describe('Who reads this note (comments and step reasons only; null for every other entry)'),
    data,
    actor: z.strictObject({ id: Uuid, name: z.string(), agencyCode: z.string() }),
  });
}

export const IncidentTimelineEntry = z
  .discriminatedUnion('kind', [
    timelineEntry('created', EVENT_DATA.created),
    timelineEntry('updated', EVENT_DATA.updated),
    timelineEntry('comment', EVENT_DATA.comment),
    timelineEntry('status', EVENT_DATA.status),
    timelineEntry('shared', EVENT_DATA.shared),
    timelineEntry('unshared', EVENT_DATA.unshared),
    timelineEntry('report', EVENT_DATA.report),
    timelineEntry('observables_added', EVENT_DATA.observables_added),
    timelineEntry('observable_removed', EVENT_DATA.observable_removed),
    timelineEntry('merged_from', EVENT_DATA.merged_from),
    timelineEntry('task_created', EVENT_DATA.task_created),
    timelineEntry('playbook_applied', EVENT_DATA.playbook_applied),
    timelineEntry('owner_changed', EVENT_DATA.owner_changed),
  ])
  .meta({ id: 'IncidentTimelineEntry' });
export type IncidentTimelineEntry = z.output<typeof IncidentTimelineEntry>;

// Every kind the timeline records has its entry above, and no other (a compile-time check).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const everyKindDescribed: Same<IncidentTimelineEntry['kind'], IncidentEventKind> = true;
void everyKindDescribed;

const capabilityShape = Object.fromEntries(INCIDENT_CAPABILITIES.map((c) => [c, z.boolean()])) as Record<IncidentCapability, z.ZodBoolean>;

export const IncidentDetail = z
  .strictObject({
    id: Uuid,
    reference: z.string().describe('INC-YYYY-NNNNNN'),
    agency: AgencyRefDto,
    reporter: UserRef,
    owner: UserRef.nullable().describe('The ANC coordinator in charge of it; null when nobody is'),
    title: z.string(),
    description: z.string(),
    rsitClass: z.enum(RSIT_CLASSES),
    rsitType: z.enum(RSIT_TYPES).nullable(),
    severity: z.int().min(0).max(5),
    tlp: z.enum(TLP_LEVELS),
    status: z.enum(INCIDENT_STATUSES),
    statusReason: z.string().nullable().describe('The reason of the latest step; null when none was given or the reader may not read it'),
    mergedInto: NameForDto.nullable().describe('The incident this one was merged into'),
    detectedAt: Instant,
    awareAt: Instant,
    affectedSystems: z.string(),
    impact: z.strictObject({
      personalData: z.boolean(),
      records: Count.nullable().describe('Records affected, when known'),
      criticalService: z.boolean(),
      crossBorder: z.boolean(),
      estimatedLossMxn: z
        .string()
        .regex(/^\d+\.\d{2}$/)
        .nullable()
        .describe('Exact decimal in MXN, e.g. "1500000.00"'),
    }),
    createdAt: Instant,
    updatedAt: Instant,
    version: z.int().min(1).describe('Pass to an edit or a step: a stale version is refused'),
    obligations: z.array(z.strictObject({ kind: z.enum(OBLIGATION_KINDS), dueAt: Instant, submittedAt: Instant.nullable(), state: z.enum(OBLIGATION_STATES) })),
    observables: z.array(
      z.strictObject({
        id: Uuid,
        type: z.enum(OBSERVABLE_TYPES),
        value: z.string(),
        alsoSeenIn: Count.describe('Other incidents the caller may read that saw the same value'),
      }),
    ),
    timeline: z.array(IncidentTimelineEntry).describe('Oldest first; what the caller may read'),
    shares: z
      .strictObject({
        allAgencies: Instant.nullable().describe('When it was shared with every agency; null when it is not'),
        agencies: z.array(z.strictObject({ id: Uuid, code: z.string(), name: z.string(), nameEn: z.string(), sharedAt: Instant })),
      })
      .nullable()
      .describe('Told to the ANC and to the reporting agency only; null for the agencies it was shared with'),
    reports: z.array(z.strictObject({ id: Uuid, kind: z.enum(REPORT_KINDS), body: z.string(), submittedAt: Instant, submittedBy: UserRef })),
    attachments: z.array(AttachmentDto).describe('Evidence files, oldest first (download each at GET /files/{id})'),
    tasks: z.array(TaskSummaryDto).describe('The tasks about this incident the caller may read (staff: their agency’s), newest first'),
    allowedTransitions: z.array(z.enum(INCIDENT_STATUSES)).describe('The statuses the caller may move it to now'),
    can: z.strictObject(capabilityShape).describe('What the caller may do with it now'),
  })
  .meta({ id: 'IncidentDetail' });
export type IncidentDetail = z.output<typeof IncidentDetail>;

export const ObservablesAdded = z
  .strictObject({ added: Count, skipped: Count.describe('Duplicates, in the request or already on the incident') })
  .meta({ id: 'ObservablesAdded' });
export type ObservablesAdded = z.output<typeof ObservablesAdded>;

/** Every named answer schema (those with `.meta({ id })`), for the OpenAPI document's components. */
export const INCIDENT_ANSWER_SCHEMAS = [
  AgencyRefDto,
  NameForDto,
  IncidentSummary,
  IncidentList,
  TaskSummaryDto,
  IncidentTimelineEntry,
  IncidentDetail,
  ObservablesAdded,
  AttachmentDto,
  UploadedFileDto,
] as const;
