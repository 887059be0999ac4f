import { Button } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';

/**
 * "Emitir alerta" on an incident's page (coordinators): a draft advisory carrying the incident's
 * CVEs and other indicators, its TLP and severity (`advisories.createFromIncident`), then its page.
 */
export function IssueAdvisoryButton({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const issue = useMutation(
    trpc.advisories.createFromIncident.mutationOptions({
      onSuccess: (a) => {
        queryClient.setQueryData(trpc.advisories.get.queryKey({ id: a.id }), a);
        notify(t('advisories.fromIncidentDone', { reference: a.reference }));
        void navigate({ to: '/alertas/$advisoryId/editar', params: { advisoryId: a.id } });
      },
      onError: (error) => notify(errorMessage(error, t), 'error'),
    }),
  );
  if (user.role !== 'coordinator') return null;
  return (
    <Button
      variant="default"
      leftSection={<IconAlertOctagon size={16} aria-hidden />}
      loading={issue.isPending}
      onClick={() => issue.mutate({ incidentId })}
      data-testid="incident-issue-advisory"
    >
      {t('advisories.fromIncident')}
    </Button>
  );
}
