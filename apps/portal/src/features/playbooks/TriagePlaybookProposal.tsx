/**
 * The triage dialog's proposal (TransitionActions.tsx, `submitted → triaged`): the playbook of the
 * incident's class with its steps and a checkbox, checked by default. Once the triage succeeded the
 * dialog calls `applyAfterTriage`, which applies the playbook (a second call, incidents.applyPlaybook)
 * and says what happened; a refused application leaves the triage done and says why.
 */
import { Checkbox, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { refreshAfterApply } from './cache.ts';
import { PlaybookSteps } from './PlaybookSteps.tsx';
import type { RsitClass } from '@anc/domain';

export function useTriagePlaybookProposal(
  incident: { id: string; rsitClass: RsitClass },
  active: boolean,
): { node: ReactNode; applyAfterTriage: () => Promise<void> } {
  const { t } = useTranslation();
  const [checked, setChecked] = useState(true);
  const list = useQuery({ ...trpc.playbooks.list.queryOptions({ rsitClass: incident.rsitClass }), enabled: active });
  const apply = useMutation(trpc.incidents.applyPlaybook.mutationOptions());
  const playbook = list.data?.items[0] ?? null;

  const node: ReactNode = !active ? null : playbook ? (
    <Paper withBorder p="sm" data-testid="triage-playbook" data-playbook-id={playbook.id}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('playbooks.propose.title')}: {playbook.title}
        </Text>
        <PlaybookSteps steps={playbook.steps} testId="triage-playbook-steps" />
        <Checkbox
          checked={checked}
          onChange={(e) => setChecked(e.currentTarget.checked)}
          label={t('playbooks.propose.checkbox', { title: playbook.title })}
          description={t('playbooks.propose.checkboxHint', { count: playbook.steps.length })}
          data-testid="triage-playbook-apply"
        />
      </Stack>
    </Paper>
  ) : list.isSuccess ? (
    <Text size="sm" c="dimmed" data-testid="triage-playbook-none">
      {t('playbooks.propose.none')}
    </Text>
  ) : null;

  const applyAfterTriage = async () => {
    if (!active || !playbook || !checked) return;
    try {
      const applied = await apply.mutateAsync({ id: incident.id, playbookId: playbook.id, expectedVersion: playbook.version });
      notify(t('playbooks.propose.applied', { title: playbook.title, count: applied.tasks.length }));
    } catch (error) {
      notify(t('playbooks.propose.failed', { reason: errorMessage(error, t) }), 'error');
    }
    await refreshAfterApply(incident.id);
  };
  return { node, applyAfterTriage };
}
