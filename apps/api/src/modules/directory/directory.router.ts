import { AgencyIdInput, ContactsForInput, DesignateInput, ListDirectoryInput, SetEmergencyContactInput } from '@anc/domain';
import { procedureFor, router } from '../../trpc/init.ts';
import { incidentContacts, taskContacts } from './contacts.ts';
import { designate } from './designate.ts';
import { getDirectoryEntry } from './get-directory.ts';
import { listDirectory } from './list-directory.ts';
import { setEmergencyContact } from './set-emergency-contact.ts';

export const directoryRouter = router({
  get: procedureFor('directory.get')
    .input(AgencyIdInput)
    .query(({ ctx, input }) => getDirectoryEntry(ctx, input, ctx.env.policyEffectiveDate)),
  list: procedureFor('directory.list')
    .input(ListDirectoryInput)
    .query(({ ctx, input }) => listDirectory(ctx, input, ctx.env.policyEffectiveDate)),
  designate: procedureFor('directory.designate')
    .input(DesignateInput)
    .mutation(({ ctx, input }) => designate(ctx, input, ctx.env.policyEffectiveDate)),
  setEmergencyContact: procedureFor('directory.setEmergencyContact')
    .input(SetEmergencyContactInput)
    .mutation(({ ctx, input }) => setEmergencyContact(ctx, input, ctx.env.policyEffectiveDate)),
  incidentContacts: procedureFor('directory.incidentContacts')
    .input(ContactsForInput)
    .query(({ ctx, input }) => incidentContacts(ctx, input)),
  taskContacts: procedureFor('directory.taskContacts')
    .input(ContactsForInput)
    .query(({ ctx, input }) => taskContacts(ctx, input)),
});
