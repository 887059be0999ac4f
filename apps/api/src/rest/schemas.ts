// The zod schemas of REST v1. The request schemas are the tRPC procedures' own (packages/domain),
// and so are the answers: IncidentDetail, IncidentList, IncidentSummary and ObservablesAdded are
// packages/domain/src/schemas/incident-dto.ts, UploadedFileDto packages/domain/src/files/files.ts,
// the schemas the DTO builders of apps/api/src/modules are typed from. The OpenAPI document (openapi.ts), the checks the
// routes run and the answers they send therefore have one description, never restated here.
import { z } from 'zod';
import { AddObservablesInput, CreateIncidentInput, ListIncidentsInput, SubmitReportInput } from '@anc/domain';

export { IncidentDetail, IncidentList, IncidentSummary, ObservablesAdded, UploadedFileDto } from '@anc/domain';

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
