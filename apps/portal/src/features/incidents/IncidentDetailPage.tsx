import '@mantine/dates/styles.css';
import { type Locale, formatMxDateTime } from '@anc/domain';
import {
  Alert,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft, IconClock, IconPencil, IconSearchOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { errorCode } from '../../lib/errors.ts';
import { trpc } from '../../lib/trpc.ts';
import { EditIncidentModal } from './EditIncidentModal.tsx';
import { IncidentTimeline } from './IncidentTimeline.tsx';
import { SeverityBadge, StatusBadge, TlpBadge, rsitClassLabel, rsitTypeLabel, tlpLabel } from './labels.tsx';
import { formatMxn } from './money.ts';
import { ObligationClocks } from './ObligationClocks.tsx';
import { ObservablesPanel } from './ObservablesPanel.tsx';
import { RelatedIncidents } from './RelatedIncidents.tsx';
import { ReportsPanel } from './ReportsPanel.tsx';
import { SharingPanel } from './SharingPanel.tsx';
import { IncidentTasksPanel } from '../tasks/IncidentTasksPanel.tsx';
import { TransitionActions } from './TransitionActions.tsx';
import { SectionTitle } from './ui.tsx';
import type { IncidentDetail } from './types.ts';

const route = getRouteApi('/app/incidentes/$incidentId');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function IncidentDetailPage() {
  const { incidentId } = route.useParams();
  const valid = UUID.test(incidentId);
  const detail = useQuery({ ...trpc.incidents.get.queryOptions({ id: incidentId }), enabled: valid });
  if (!valid) return <IncidentNotFound />;
  if (detail.isPending) return <DetailSkeleton />;
  if (detail.error) {
    // A read that is not allowed answers NOT_FOUND, the same as one that does not exist.
    const code = errorCode(detail.error);
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') return <IncidentNotFound />;
    return (
      <Stack gap="md">
        <BackLink />
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      </Stack>
    );
  }
  return <IncidentView incident={detail.data} refetch={() => void detail.refetch()} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <AnchorLink to="/incidentes" size="sm" data-testid="incident-back">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('incidents.detail.back')}
      </Group>
    </AnchorLink>
  );
}

function IncidentNotFound() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('incidents.detail.notFoundTitle')} · ${t('app.short')}`);
  return (
    <Paper p="xl" maw={640} data-testid="incident-not-found">
      <Stack gap="md" align="flex-start">
        <ThemeIcon size={48} radius="md" variant="light" color="gray" aria-hidden>
          <IconSearchOff size={26} />
        </ThemeIcon>
        <Title order={1} fz={24}>
          {t('incidents.detail.notFoundTitle')}
        </Title>
        <Text size="sm">{t('incidents.detail.notFoundBody')}</Text>
        <ButtonLink to="/incidentes" variant="default">
          {t('incidents.detail.back')}
        </ButtonLink>
      </Stack>
    </Paper>
  );
}

function DetailSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" aria-busy="true" aria-label={t('common.loading')} data-testid="incident-loading">
      <Skeleton height={14} width={120} />
      <Skeleton height={32} width="60%" />
      <Group gap="xs">
        <Skeleton height={22} width={90} />
        <Skeleton height={22} width={110} />
        <Skeleton height={22} width={100} />
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Skeleton height={120} />
        <Skeleton height={120} />
        <Skeleton height={120} />
      </SimpleGrid>
      <Skeleton height={240} />
    </Stack>
  );
}

function IncidentView({ incident, refetch }: { incident: IncidentDetail; refetch: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(`${incident.reference} · ${t('incidents.list.pageTitle')} · ${t('app.short')}`);
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  // Someone else changed the incident: say so, and show what it is now.
  const onConflict = () => {
    setConflict(true);
    refetch();
  };

  return (
    <Stack gap="lg" data-testid="incident-detail" data-reference={incident.reference} data-status={incident.status}>
      <BackLink />
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
          <Stack gap={6} miw={0} style={{ flex: '1 1 420px' }}>
            <Text ff="monospace" fw={700} c="guinda.7" data-testid="incident-reference">
              {incident.reference}
            </Text>
            <Title order={1} fz={{ base: 22, sm: 26 }} style={{ overflowWrap: 'anywhere' }} data-testid="incident-title">
              {incident.title}
            </Title>
            <Group gap="xs" wrap="wrap">
              <StatusBadge status={incident.status} size="lg" />
              <SeverityBadge level={incident.severity} size="lg" />
              <TlpBadge tlp={incident.tlp} size="lg" />
            </Group>
          </Stack>
          {incident.can.edit ? (
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)} data-testid="incident-edit">
              {t('incidents.detail.edit.open')}
            </Button>
          ) : null}
        </Group>
        <StatusNote incident={incident} />
      </Stack>

      {conflict ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('incidents.detail.conflictTitle')}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setConflict(false)}
          role="alert"
          data-testid="incident-conflict"
        >
          {t('incidents.detail.conflictBody')}
        </Alert>
      ) : null}

      <TransitionActions incident={incident} onConflict={onConflict} />

      <FactsPanel incident={incident} />

      <ObligationClocks incident={incident} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <DetailsPanel incident={incident} locale={locale} />
            <ObservablesPanel incident={incident} />
            <RelatedIncidents incidentId={incident.id} />
            <IncidentTimeline incident={incident} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <IncidentTasksPanel incident={incident} tasks={incident.tasks} />
            <ReportsPanel incident={incident} />
            {incident.shares ? <SharingPanel incident={incident} shares={incident.shares} /> : null}
          </Stack>
        </Grid.Col>
      </Grid>

      <EditIncidentModal incident={editing ? incident : null} onClose={() => setEditing(false)} onConflict={onConflict} />
    </Stack>
  );
}

/** Why the incident is where it is, when that needs saying: rejected (the reason) or merged (into what). */
function StatusNote({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  if (incident.status === 'merged' && incident.mergedInto) {
    return (
      <Alert color="gray" variant="light" data-testid="incident-merged-note">
        <Text size="sm">
          {t('incidents.detail.mergedInto')}{' '}
          <AnchorLink to="/incidentes/$incidentId" params={{ incidentId: incident.mergedInto.id }} ff="monospace" fw={700}>
            {incident.mergedInto.reference}
          </AnchorLink>
          .
        </Text>
      </Alert>
    );
  }
  if (incident.status === 'rejected' && incident.statusReason) {
    return (
      <Alert color="red" variant="light" title={t('incidents.detail.rejectedTitle')} data-testid="incident-rejected-note">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {incident.statusReason}
        </Text>
      </Alert>
    );
  }
  return null;
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/** Who reported it and when: the three dates of the legal clock, in Mexico City time. */
function FactsPanel({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper p="md" data-testid="incident-facts">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="md" verticalSpacing="md">
        <Fact label={t('incidents.detail.facts.agency')} testId="incident-agency">
          <Text span ff="monospace" fw={700} size="sm">
            {incident.agency.code}
          </Text>{' '}
          — {agencyName(incident.agency, locale)}
        </Fact>
        <Fact label={t('incidents.detail.facts.reporter')}>{incident.reporter.name}</Fact>
        <Fact label={t('incidents.detail.facts.detectedAt')}>{formatMxDateTime(incident.detectedAt, locale)}</Fact>
        <Fact label={t('incidents.detail.facts.awareAt')}>{formatMxDateTime(incident.awareAt, locale)}</Fact>
        <Fact label={t('incidents.detail.facts.filedAt')}>{formatMxDateTime(incident.createdAt, locale)}</Fact>
      </SimpleGrid>
      <Group gap={6} c="dimmed" mt="sm">
        <IconClock size={14} aria-hidden />
        <Text size="xs" data-testid="incident-time-zone">
          {t('incidents.detail.timeZoneNote', { zone: t('incidents.common.timeZone'), updated: formatMxDateTime(incident.updatedAt, locale) })}
        </Text>
      </Group>
    </Paper>
  );
}

function YesNo({ value }: { value: boolean }) {
  const { t } = useTranslation();
  return <>{value ? t('incidents.detail.yes') : t('incidents.detail.no')}</>;
}

function DetailsPanel({ incident, locale }: { incident: IncidentDetail; locale: Locale }) {
  const { t } = useTranslation();
  const type = rsitTypeLabel(incident.rsitClass, incident.rsitType, locale);
  const { impact } = incident;
  const records = impact.records === null ? null : new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'es-MX').format(impact.records);
  return (
    <Paper p="md" data-testid="incident-details">
      <SectionTitle>{t('incidents.detail.sections.description')}</SectionTitle>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="incident-description">
        {incident.description}
      </Text>

      <Title order={3} fz="md" mt="lg" mb="xs">
        {t('incidents.detail.sections.classification')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Fact label={t('incidents.detail.facts.rsitClass')}>{rsitClassLabel(incident.rsitClass, locale)}</Fact>
        <Fact label={t('incidents.detail.facts.rsitType')}>{type ?? t('incidents.detail.notSet')}</Fact>
        <Fact label={t('incidents.detail.facts.severity')}>
          <SeverityBadge level={incident.severity} />
        </Fact>
        <Fact label={t('incidents.detail.facts.tlp')}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <TlpBadge tlp={incident.tlp} withTooltip={false} />
            <Text size="xs" c="dimmed">
              {tlpLabel(incident.tlp, locale)}
            </Text>
          </Group>
        </Fact>
      </SimpleGrid>

      <Title order={3} fz="md" mt="lg" mb="xs">
        {t('incidents.detail.sections.affectedSystems')}
      </Title>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} c={incident.affectedSystems ? undefined : 'dimmed'}>
        {incident.affectedSystems || t('incidents.detail.notSet')}
      </Text>

      <Title order={3} fz="md" mt="lg" mb="xs">
        {t('incidents.detail.sections.impact')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" data-testid="incident-impact">
        <Fact label={t('incidents.detail.facts.personalData')}>
          <YesNo value={impact.personalData} />
          {impact.personalData && records !== null ? ` — ${t('incidents.detail.records', { count: impact.records ?? 0, formatted: records })}` : null}
        </Fact>
        <Fact label={t('incidents.detail.facts.criticalService')}>
          <YesNo value={impact.criticalService} />
        </Fact>
        <Fact label={t('incidents.detail.facts.crossBorder')}>
          <YesNo value={impact.crossBorder} />
        </Fact>
        <Fact label={t('incidents.detail.facts.estimatedLoss')} testId="incident-loss">
          {impact.estimatedLossMxn ? formatMxn(impact.estimatedLossMxn) : t('incidents.detail.notEstimated')}
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}

