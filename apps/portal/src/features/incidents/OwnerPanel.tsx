import { Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconHandGrab } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorCode, errorMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { storeIncident } from './cache.ts';
import type { IncidentDetail, IncidentSummary } from './types.ts';

/** The value of "Asignar a…" that leaves the incident without owner. */
const NOBODY = 'nobody';

/** The owner's name as the caller reads it ("… (tú)" for themselves), or null when nobody owns it. */
export function useOwnerLabel(owner: IncidentSummary['owner']): string | null {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!owner) return null;
  return owner.id === me.id ? t('owner.detail.you', { name: owner.name }) : owner.name;
}

/** The owner's name as lists show it, or "Sin responsable". */
export function OwnerName({ owner }: { owner: IncidentSummary['owner'] }) {
  const { t } = useTranslation();
  const label = useOwnerLabel(owner);
  return (
    <Text size="sm" c={label ? undefined : 'dimmed'} data-testid="incident-owner" data-owner-id={owner?.id}>
      {label ?? t('owner.none')}
    </Text>
  );
}

/**
 * "Responsable: …" on the detail page (packages/domain/src/incidents/owner.ts): every reader sees
 * who at the ANC is in charge; a coordinator takes it ("Tomar") or gives it to another active
 * coordinator, or to nobody ("Asignar a…").
 */
export function OwnerPanel({ incident, onConflict }: { incident: IncidentDetail; onConflict: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canSet = incident.can.setOwner;
  const candidates = useQuery({ ...trpc.incidents.owners.queryOptions(), enabled: canSet });
  const setOwner = useMutation(
    trpc.incidents.setOwner.mutationOptions({
      onSuccess: (detail) => {
        storeIncident(detail);
        if (!detail.owner) notify(t('owner.detail.cleared'));
        else if (detail.owner.id === me.id) notify(t('owner.detail.taken'));
        else notify(t('owner.detail.assigned', { name: detail.owner.name }));
      },
      onError: (error) => {
        if (errorCode(error) === 'CONFLICT') onConflict();
        else notify(errorMessage(error, t), 'error');
      },
    }),
  );
  const change = (ownerId: string | null) => setOwner.mutate({ id: incident.id, version: incident.version, ownerId });
  const options = [
    { value: NOBODY, label: t('owner.detail.nobody') },
    ...(candidates.data?.items ?? []).map((u) => ({ value: u.id, label: u.id === me.id ? t('owner.detail.you', { name: u.name }) : u.name })),
  ];

  return (
    <Paper p="md" component="section" aria-labelledby="incident-owner-title" data-testid="owner-panel">
      <Group justify="space-between" align="flex-end" gap="sm" wrap="wrap">
        <Stack gap={2} miw={0}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" id="incident-owner-title">
            {t('owner.detail.label')}
          </Text>
          <OwnerName owner={incident.owner} />
          <Text size="xs" c="dimmed">
            {t('owner.detail.hint')}
          </Text>
        </Stack>
        {canSet ? (
          <Group gap="xs" wrap="wrap" align="flex-end">
            {incident.owner?.id === me.id ? null : (
              <Button
                variant="light"
                leftSection={<IconHandGrab size={16} aria-hidden />}
                onClick={() => change(me.id)}
                loading={setOwner.isPending}
                data-testid="owner-take"
              >
                {t('owner.detail.take')}
              </Button>
            )}
            <Select
              aria-label={t('owner.detail.assignLabel')}
              placeholder={t('owner.detail.assign')}
              data={options}
              value={null}
              onChange={(value) => {
                if (value) change(value === NOBODY ? null : value);
              }}
              searchable
              nothingFoundMessage={t('owner.detail.nothingFound')}
              disabled={setOwner.isPending}
              comboboxProps={{ withinPortal: true }}
              w={220}
              data-testid="owner-assign"
            />
          </Group>
        ) : null}
      </Group>
    </Paper>
  );
}
