/**
 * On the incident page: which playbooks were applied to the incident and when (its
 * `playbook_applied` timeline entries, written in the same transaction as the tasks), and for
 * coordinators the "Aplicar playbook" action while none has been applied and the incident is open.
 */
import { can, formatMxDateTime, isFinishedStatus } from '@anc/domain';
import { Button, Modal, Paper, Select, Stack, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormActions, FormProblems } from '../../components/FormDialog.tsx';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { useLocale } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import type { IncidentDetail } from '../incidents/types.ts';
import { refreshAfterApply } from './cache.ts';
import { PlaybookSteps } from './PlaybookSteps.tsx';

const AppliedData = z.object({ playbook: z.object({ id: z.string(), title: z.string() }) });

/** The playbooks applied to the incident, oldest first, from its timeline. */
export function appliedPlaybooks(incident: Pick<IncidentDetail, 'timeline'>): { id: string; title: string; at: string }[] {
  return incident.timeline.flatMap((e) => {
    if (e.kind !== 'playbook_applied') return [];
    const d = AppliedData.safeParse(e.data);
    return d.success ? [{ id: d.data.playbook.id, title: d.data.playbook.title, at: e.at }] : [];
  });
}

export function IncidentPlaybooksPanel({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useCurrentUser();
  const [open, setOpen] = useState(false);
  const applied = appliedPlaybooks(incident);
  const mayApply = can(me.role, 'incidents.applyPlaybook') && applied.length === 0 && !isFinishedStatus(incident.status);
  return (
    <Paper p="md" component="section" aria-labelledby="incident-playbooks-title" data-testid="incident-playbooks">
      <SectionTitle
        id="incident-playbooks-title"
        extra={
          mayApply ? (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconListCheck size={14} aria-hidden />}
              onClick={() => setOpen(true)}
              aria-label={t('playbooks.incident.applyFor', { reference: incident.reference })}
              data-testid="incident-apply-playbook"
            >
              {t('playbooks.incident.apply')}
            </Button>
          ) : null
        }
      >
        {t('playbooks.incident.title')}
      </SectionTitle>
      {applied.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="incident-playbooks-none">
          {t('playbooks.incident.none')}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {applied.map((p) => (
            <li key={p.id} data-testid="incident-playbook-applied" data-playbook-id={p.id}>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {p.title}
              </Text>
              <Text size="xs" c="dimmed">
                {t('playbooks.incident.appliedAt', { date: formatMxDateTime(p.at, locale) })}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      {open ? <ApplyPlaybookDialog incident={incident} onClose={() => setOpen(false)} /> : null}
    </Paper>
  );
}

function ApplyPlaybookDialog({ incident, onClose }: { incident: IncidentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const list = useQuery(trpc.playbooks.list.queryOptions({}));
  const items = list.data?.items ?? [];
  const ofClass = items.find((p) => p.rsitClass === incident.rsitClass);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const chosen = items.find((p) => p.id === (chosenId ?? ofClass?.id)) ?? null;
  const [error, setError] = useState<string | null>(null);
  const apply = useMutation(
    trpc.incidents.applyPlaybook.mutationOptions({
      onSuccess: async (answer) => {
        notify(t('playbooks.propose.applied', { title: chosen?.title ?? '', count: answer.tasks.length }));
        await refreshAfterApply(incident.id);
        onClose();
      },
      onError: (e) => setError(errorMessage(e, t)),
    }),
  );
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('playbooks.incident.dialogTitle', { reference: incident.reference })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <form
        noValidate
        data-testid="apply-playbook-form"
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          if (!chosen) return;
          setError(null);
          apply.mutate({ id: incident.id, playbookId: chosen.id, expectedVersion: chosen.version });
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('playbooks.incident.explain', { agency: incident.agency.code })}</Text>
          {list.isSuccess && items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('playbooks.incident.noPlaybooks')}
            </Text>
          ) : (
            <Select
              label={t('playbooks.incident.choose')}
              data={items.map((p) => ({ value: p.id, label: p.id === ofClass?.id ? t('playbooks.incident.classPlaybook', { title: p.title }) : p.title }))}
              value={chosen?.id ?? null}
              onChange={setChosenId}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-testid="apply-playbook-select"
            />
          )}
          {chosen ? <PlaybookSteps steps={chosen.steps} testId="apply-playbook-steps" /> : null}
          <FormProblems testId="apply-playbook" error={error} />
          <FormActions
            onCancel={onClose}
            submitLabel={t('playbooks.incident.submit')}
            submitTestId="apply-playbook-submit"
            loading={apply.isPending}
            disabled={!chosen}
          />
        </Stack>
      </form>
    </Modal>
  );
}
