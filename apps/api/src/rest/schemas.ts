// The zod schemas of REST v1: the request schemas are the tRPC procedures' own (packages/domain),
// so the OpenAPI document (openapi.ts) and the checks the routes run can never drift apart.
// The answers are described here from the DTOs of apps/api/src/modules/incidents/incident-dto.ts.
import { z } from 'zod';
import {
  AddObservablesInput,
  CreateIncidentInput,
  INCIDENT_STATUSES,
  ListIncidentsInput,
  OBLIGATION_KINDS,
  RSIT_CLASSES,
  RSIT_TYPES,
  SubmitReportInput,
  TLP_LEVELS,
} from '@anc/domain';

/** `POST /api/v1/incidents`: `incidents.create` without `agencyId` (always the client's agency). */
export const RestCreateIncidentBody = CreateIncidentInput;
/** `GET /api/v1/incidents`: the `incidents.list` input as a query string. */
export const RestListIncidentsQuery = ListIncidentsInput;
/** `POST /api/v1/incidents/{id}/observables`: `incidents.addObservables` without the id (in the path). */
export const RestAddObservablesBody = AddObservablesInput.omit({ id: true });
/** `POST /api/v1/incidents/{id}/reports`: `incidents.submitReport` without the id (in the path). */
export const RestSubmitReportBody = SubmitReportInput.omit({ id: true });

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().describe('The tRPC error code (UNAUTHORIZED, FORBIDDEN, NOT_FOUND, BAD_REQUEST, UNPROCESSABLE_CONTENT, …)'),
      message: z.string().describe('In the language of `?lang=` or `X-ANC-Locale`, else the client’s'),
      reason: z.string().nullable().describe('A stable key, e.g. invalid_token, scope_missing, idempotency_key_reused'),
      fieldErrors: z.record(z.string(), z.array(z.string())).nullable(),
    }),
  })
  .meta({ id: 'Error' });

const AgencyRef = z.object({ id: z.uuid(), code: z.string(), name: z.string(), nameEn: z.string() });

export const IncidentSummary = z
  .object({
    id: z.uuid(),
    reference: z.string().describe('INC-YYYY-NNNNNN'),
    title: z.string(),
    agency: AgencyRef,
    status: z.enum(INCIDENT_STATUSES),
    severity: z.int().min(0).max(5),
    tlp: z.enum(TLP_LEVELS),
    rsitClass: z.enum(RSIT_CLASSES),
    rsitType: z.enum(RSIT_TYPES).nullable(),
    awareAt: z.iso.datetime({ offset: true }),
    createdAt: z.iso.datetime({ offset: true }),
    nextObligation: z.object({ kind: z.enum(OBLIGATION_KINDS), dueAt: z.iso.datetime({ offset: true }), state: z.string() }).nullable(),
  })
  .meta({ id: 'IncidentSummary' });

export const IncidentList = z.object({ items: z.array(IncidentSummary), nextCursor: z.string().nullable() }).meta({ id: 'IncidentList' });

/** The `incidents.get` answer; its main fields are named, the rest (timeline, tasks, …) as in shared/API.md. */
export const IncidentDetail = z
  .looseObject({
    id: z.uuid(),
    reference: z.string(),
    agency: AgencyRef,
    title: z.string(),
    description: z.string(),
    rsitClass: z.enum(RSIT_CLASSES),
    rsitType: z.enum(RSIT_TYPES).nullable(),
    severity: z.int().min(0).max(5),
    tlp: z.enum(TLP_LEVELS),
    status: z.enum(INCIDENT_STATUSES),
    detectedAt: z.iso.datetime({ offset: true }),
    awareAt: z.iso.datetime({ offset: true }),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.int(),
    observables: z.array(z.looseObject({ id: z.uuid(), type: z.string(), value: z.string() })),
    reports: z.array(z.looseObject({ id: z.uuid(), kind: z.string(), body: z.string(), submittedAt: z.iso.datetime({ offset: true }) })),
  })
  .meta({ id: 'IncidentDetail' });

export const ObservablesAdded = z.object({ added: z.int().min(0), skipped: z.int().min(0) }).meta({ id: 'ObservablesAdded' });
