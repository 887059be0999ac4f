/** Choosing who owes a task: an active agency (never the ANC itself) and, optionally, one of its staff. */
import { ANC_AGENCY_CODE } from '@anc/domain';
import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useAgencyOptions } from '../../lib/agency-options.ts';
import { trpc } from '../../lib/trpc.ts';

/** Active agencies that can be given work, as Select options ("SEDENA — Secretaría de la Defensa Nacional"). */
export function useAssignableAgencies() {
  const { options, query } = useAgencyOptions({ where: (a) => a.active && a.code !== ANC_AGENCY_CODE });
  return { options, query };
}

/** The agency's active staff (tasks.assignableUsers); empty means "the whole agency". */
export function AssigneeUserSelect({ agencyId, ...props }: { agencyId: string | null } & Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const users = useQuery({ ...trpc.tasks.assignableUsers.queryOptions({ agencyId: agencyId ?? '' }), enabled: Boolean(agencyId) });
  const options = (users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} · ${u.email}` }));
  return (
    <Select
      label={t('tasks.form.assigneeUser')}
      description={agencyId ? t('tasks.form.assigneeUserHint') : t('tasks.form.assigneeUserFirst')}
      placeholder={t('tasks.form.assigneeUserPlaceholder')}
      data={options}
      disabled={!agencyId}
      searchable
      clearable
      nothingFoundMessage={users.isFetching ? t('common.loading') : t('tasks.form.assigneeUserNothingFound')}
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  );
}
