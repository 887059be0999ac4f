import {
  AddObservablesInput,
  BulkCountInput,
  BulkIncidentsInput,
  BulkResult,
  ApplyPlaybookInput,
  CommentIncidentInput,
  CreateIncidentInput,
  IncidentIdInput,
  ListIncidentsInput,
  RemoveAttachmentInput,
  RemoveObservableInput,
  SetIncidentOwnerInput,
  ShareIncidentInput,
  SubmitReportInput,
  TransitionIncidentInput,
  UnshareIncidentInput,
  UpdateIncidentInput,
} from '@anc/domain';
import { procedureFor, router } from '../../trpc/init.ts';
import { addObservables } from './add-observables.ts';
import { bulkIncidents, countBulkSelection } from './bulk-incidents.ts';
import { commentIncident } from './comment-incident.ts';
import { fileIncident } from './file-incident.ts';
import { getIncident } from './get-incident.ts';
import { listIncidents } from './list-incidents.ts';
import { relatedIncidents } from './related-incidents.ts';
import { removeObservable } from './remove-observable.ts';
import { ownerCandidates, setIncidentOwner } from './set-owner.ts';
import { removeAttachment } from '../files/remove-attachment.ts';
import { shareIncident } from './share-incident.ts';
import { submitReport } from './submit-report.ts';
import { transitionIncident } from './transition-incident.ts';
import { unshareIncident } from './unshare-incident.ts';
import { updateIncident } from './update-incident.ts';
import { applyPlaybookToIncident } from '../playbooks/apply-playbook.ts';

export const incidentsRouter = router({
  applyPlaybook: procedureFor('incidents.applyPlaybook')
    .input(ApplyPlaybookInput)
    .mutation(({ ctx, input }) => applyPlaybookToIncident(ctx, { incidentId: input.id, playbookId: input.playbookId, expectedVersion: input.expectedVersion })),
  create: procedureFor('incidents.create')
    .input(CreateIncidentInput)
    .mutation(({ ctx, input }) => fileIncident(ctx, input)),
  list: procedureFor('incidents.list')
    .input(ListIncidentsInput)
    .query(({ ctx, input }) => listIncidents(ctx, input)),
  get: procedureFor('incidents.get')
    .input(IncidentIdInput)
    .query(({ ctx, input }) => getIncident(ctx, input)),
  related: procedureFor('incidents.related')
    .input(IncidentIdInput)
    .query(({ ctx, input }) => relatedIncidents(ctx, input)),
  update: procedureFor('incidents.update')
    .input(UpdateIncidentInput)
    .mutation(({ ctx, input }) => updateIncident(ctx, input)),
  transition: procedureFor('incidents.transition')
    .input(TransitionIncidentInput)
    .mutation(({ ctx, input }) => transitionIncident(ctx, input)),
  comment: procedureFor('incidents.comment')
    .input(CommentIncidentInput)
    .mutation(({ ctx, input }) => commentIncident(ctx, input)),
  addObservables: procedureFor('incidents.addObservables')
    .input(AddObservablesInput)
    .mutation(({ ctx, input }) => addObservables(ctx, input)),
  removeObservable: procedureFor('incidents.removeObservable')
    .input(RemoveObservableInput)
    .mutation(({ ctx, input }) => removeObservable(ctx, input)),
  // Evidence files (modules/files/): uploads and downloads are plain HTTP routes (files.routes.ts).
  removeAttachment: procedureFor('incidents.removeAttachment')
    .input(RemoveAttachmentInput)
    .mutation(({ ctx, input }) => removeAttachment(ctx, 'incident', input)),
  share: procedureFor('incidents.share')
    .input(ShareIncidentInput)
    .mutation(({ ctx, input }) => shareIncident(ctx, input)),
  unshare: procedureFor('incidents.unshare')
    .input(UnshareIncidentInput)
    .mutation(({ ctx, input }) => unshareIncident(ctx, input)),
  submitReport: procedureFor('incidents.submitReport')
    .input(SubmitReportInput)
    .mutation(({ ctx, input }) => submitReport(ctx, input)),
  setOwner: procedureFor('incidents.setOwner')
    .input(SetIncidentOwnerInput)
    .mutation(({ ctx, input }) => setIncidentOwner(ctx, input)),
  owners: procedureFor('incidents.owners').query(({ ctx }) => ownerCandidates(ctx)),
  bulk: procedureFor('incidents.bulk')
    .input(BulkIncidentsInput)
    .output(BulkResult)
    .mutation(({ ctx, input }) => bulkIncidents(ctx, input)),
  bulkCount: procedureFor('incidents.bulkCount')
    .input(BulkCountInput)
    .query(({ ctx, input }) => countBulkSelection(ctx, input)),
});
