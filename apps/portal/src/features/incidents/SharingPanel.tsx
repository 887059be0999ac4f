import { TLP_SHAREABLE_WITH_ALL, formatMxDateTime } from '@anc/domain';
import { ActionIcon, Alert, Button, Group, List, MultiSelect, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconLock, IconShare, IconUsersGroup, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { useAgencyOptions } from '../../lib/agency-options.ts';
import { errorMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { storeIncident } from './cache.ts';
import type { IncidentDetail, IncidentShares } from './types.ts';
import { SectionTitle } from '../../components/SectionTitle.tsx';

type Withdrawal = { agencyId: string; label: string } | { allAgencies: true; label: string };

/**
 * Who else may read the incident. Coordinators share and withdraw, as TLP 2.0 allows (RED never
 * beyond the reporting body; AMBER by name only; CLEAR and GREEN also with every body at once);
 * the reporting body sees the list.
 */
export function SharingPanel({ incident, shares }: { incident: IncidentDetail; shares: IncidentShares }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useCurrentUser();
  const coordinator = me.role === 'coordinator';
  const red = incident.tlp === 'RED';
  const [withdrawing, setWithdrawing] = useState<Withdrawal | null>(null);

  const unshare = useMutation(
    trpc.incidents.unshare.mutationOptions({
      onSuccess: (detail) => {
        storeIncident(detail);
        notify(t('incidents.detail.sharing.withdrawn', { name: withdrawing?.label ?? '' }));
        setWithdrawing(null);
      },
    }),
  );

  const nothingShared = !shares.allAgencies && shares.agencies.length === 0;

  return (
    <Paper p="md" component="section" aria-labelledby="incident-sharing-title" data-testid="share-panel" data-tlp={incident.tlp}>
      <SectionTitle id="incident-sharing-title">{t('incidents.detail.sharing.title')}</SectionTitle>

      {red ? (
        <Alert color="red" variant="light" icon={<IconLock aria-hidden />} title={t('incidents.detail.sharing.redTitle')} mb="sm" data-testid="share-red-note">
          {t('incidents.detail.sharing.redBody')}
        </Alert>
      ) : null}

      {nothingShared ? (
        <Text size="sm" c="dimmed" data-testid="share-none">
          {t('incidents.detail.sharing.none', { agency: incident.agency.code })}
        </Text>
      ) : (
        <Stack gap="xs">
          {red ? (
            <Text size="xs" c="dimmed">
              {t('incidents.detail.sharing.inactiveWhileRed')}
            </Text>
          ) : null}
          <List spacing="xs" size="sm" listStyleType="none" data-testid="share-list">
            {shares.allAgencies ? (
              <List.Item data-testid="share-all">
                <ShareLine
                  icon={<IconUsersGroup size={16} aria-hidden />}
                  label={t('incidents.detail.sharing.allAgencies')}
                  since={t('incidents.detail.sharing.since', { date: formatMxDateTime(shares.allAgencies, locale) })}
                  onWithdraw={
                    coordinator
                      ? () => {
                          unshare.reset();
                          setWithdrawing({ allAgencies: true, label: t('incidents.detail.sharing.allAgencies') });
                        }
                      : undefined
                  }
                  withdrawLabel={t('incidents.detail.sharing.withdrawAll')}
                  testId="share-withdraw-all"
                />
              </List.Item>
            ) : null}
            {shares.agencies.map((a) => (
              <List.Item key={a.id} data-testid="share-agency" data-code={a.code}>
                <ShareLine
                  label={
                    <>
                      <Text span ff="monospace" fw={700} size="sm">
                        {a.code}
                      </Text>{' '}
                      <Text span size="sm">
                        {agencyName(a, locale)}
                      </Text>
                    </>
                  }
                  since={t('incidents.detail.sharing.since', { date: formatMxDateTime(a.sharedAt, locale) })}
                  onWithdraw={
                    coordinator
                      ? () => {
                          unshare.reset();
                          setWithdrawing({ agencyId: a.id, label: a.code });
                        }
                      : undefined
                  }
                  withdrawLabel={t('incidents.detail.sharing.withdrawFrom', { code: a.code })}
                  testId={`share-withdraw-${a.code}`}
                />
              </List.Item>
            ))}
          </List>
        </Stack>
      )}

      {coordinator && incident.can.share ? <ShareForm incident={incident} shares={shares} /> : null}
      {coordinator && !incident.can.share && !red ? (
        <Text size="xs" c="dimmed" mt="sm" data-testid="share-unavailable">
          {t('incidents.detail.sharing.unavailable')}
        </Text>
      ) : null}

      <ConfirmDialog
        opened={withdrawing !== null}
        title={t('incidents.detail.sharing.confirmTitle')}
        body={withdrawing ? t('incidents.detail.sharing.confirmBody', { name: withdrawing.label, reference: incident.reference }) : ''}
        confirmLabel={t('incidents.detail.sharing.withdraw')}
        danger
        loading={unshare.isPending}
        error={unshare.error ? errorMessage(unshare.error, t) : null}
        onConfirm={() => {
          if (!withdrawing) return;
          unshare.mutate('agencyId' in withdrawing ? { id: incident.id, agencyId: withdrawing.agencyId } : { id: incident.id, allAgencies: true });
        }}
        onClose={() => setWithdrawing(null)}
      />
    </Paper>
  );
}

function ShareLine({
  icon,
  label,
  since,
  onWithdraw,
  withdrawLabel,
  testId,
}: {
  icon?: ReactNode;
  label: ReactNode;
  since: string;
  onWithdraw: (() => void) | undefined;
  withdrawLabel: string;
  testId: string;
}) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
      <Group gap={6} wrap="nowrap" align="flex-start" miw={0}>
        {icon}
        <Stack gap={0} miw={0}>
          <Text size="sm" component="div">
            {label}
          </Text>
          <Text size="xs" c="dimmed">
            {since}
          </Text>
        </Stack>
      </Group>
      {onWithdraw ? (
        <Tooltip label={withdrawLabel} withinPortal>
          <ActionIcon variant="subtle" color="red" onClick={onWithdraw} aria-label={withdrawLabel} data-testid={testId}>
            <IconX size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ) : null}
    </Group>
  );
}

function ShareForm({ incident, shares }: { incident: IncidentDetail; shares: IncidentShares }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const alreadyShared = new Set(shares.agencies.map((a) => a.id));
  // Not the reporting body (it already reads it), nor the ANC (it reads everything), nor inactive ones.
  const { options } = useAgencyOptions({
    includeInactive: false,
    where: (a) => a.active && a.kind !== 'national_agency' && a.id !== incident.agency.id && !alreadyShared.has(a.id),
  });
  const withAll = (TLP_SHAREABLE_WITH_ALL as readonly string[]).includes(incident.tlp);

  const share = useMutation(
    trpc.incidents.share.mutationOptions({
      onSuccess: (detail, input) => {
        storeIncident(detail);
        setChosen([]);
        setConfirmAll(false);
        notify(input.allAgencies ? t('incidents.detail.sharing.sharedAll') : t('incidents.detail.sharing.shared', { count: input.agencyIds?.length ?? 0 }));
      },
      onError: (e) => {
        setConfirmAll(false);
        setError(errorMessage(e, t));
      },
    }),
  );

  return (
    <Stack gap="sm" mt="md" data-testid="share-form">
      {error ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setError(null)}
          data-testid="share-error"
        >
          {error}
        </Alert>
      ) : null}
      <MultiSelect
        label={t('incidents.detail.sharing.addLabel')}
        description={withAll ? undefined : t('incidents.detail.sharing.amberNamedOnly', { tlp: `TLP:${incident.tlp}` })}
        placeholder={chosen.length ? undefined : t('incidents.detail.sharing.addPlaceholder')}
        data={options}
        value={chosen}
        onChange={setChosen}
        searchable
        clearable
        nothingFoundMessage={t('incidents.detail.sharing.nothingFound')}
        comboboxProps={{ withinPortal: true }}
        data-testid="share-agencies"
      />
      <Group gap="xs" wrap="wrap">
        <Button
          leftSection={<IconShare size={16} aria-hidden />}
          disabled={chosen.length === 0}
          loading={share.isPending && !share.variables?.allAgencies}
          onClick={() => {
            setError(null);
            share.mutate({ id: incident.id, agencyIds: chosen });
          }}
          data-testid="share-submit"
        >
          {t('incidents.detail.sharing.share')}
        </Button>
        {withAll && !shares.allAgencies ? (
          <Button
            variant="default"
            leftSection={<IconUsersGroup size={16} aria-hidden />}
            onClick={() => {
              setError(null);
              setConfirmAll(true);
            }}
            data-testid="share-all-submit"
          >
            {t('incidents.detail.sharing.shareAll')}
          </Button>
        ) : null}
      </Group>
      <ConfirmDialog
        opened={confirmAll}
        title={t('incidents.detail.sharing.confirmAllTitle')}
        body={t('incidents.detail.sharing.confirmAllBody', { reference: incident.reference, tlp: `TLP:${incident.tlp}` })}
        confirmLabel={t('incidents.detail.sharing.shareAll')}
        loading={share.isPending}
        onConfirm={() => share.mutate({ id: incident.id, allAgencies: true })}
        onClose={() => setConfirmAll(false)}
      />
    </Stack>
  );
}
