import '@mantine/dates/styles.css';
import { type Locale, formatMxDateTime } from '@anc/domain';
import { Alert, Button, Grid, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AgencyFact, BackLink, ConflictNote, DetailGate, DetailHeader, DetailSkeleton, Fact, useConflictNote } from '../../components/DetailPage.tsx';
import { CodeLink } from '../../components/links.tsx';
import { ClockNote } from '../../components/ListPage.tsx';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { isUuid } from '../../lib/search-params.ts';
import { trpc } from '../../lib/trpc.ts';
import { IncidentTasksPanel } from '../tasks/IncidentTasksPanel.tsx';
import { IncidentPlaybooksPanel } from '../playbooks/IncidentPlaybooksPanel.tsx';
import { IssueAdvisoryButton } from '../advisories/IssueAdvisoryButton.tsx';
import { EvidencePanel } from '../files/EvidencePanel.tsx';
import { refreshIncident } from './cache.ts';
import { EditIncidentModal } from './EditIncidentModal.tsx';
import { IncidentTimeline } from './IncidentTimeline.tsx';
import { SeverityBadge, StatusBadge, TlpBadge, rsitClassLabel, rsitTypeLabel, tlpLabel } from './labels.tsx';
import { formatMxn } from '../../lib/money.ts';
import { ObligationClocks } from './ObligationClocks.tsx';
import { ObservablesPanel } from './ObservablesPanel.tsx';
import { OwnerPanel } from './OwnerPanel.tsx';
import { RelatedIncidents } from './RelatedIncidents.tsx';
import { ReportPdfMenu } from './ReportPdfMenu.tsx';
import { ReportsPanel } from './ReportsPanel.tsx';
import { SharingPanel } from './SharingPanel.tsx';
import { StixDownloadButton } from './StixDownloadButton.tsx';
import { TransitionActions } from './TransitionActions.tsx';
import type { IncidentDetail } from './types.ts';
import { IncidentContactsPanel } from '../directory/AgencyContactsPanel.tsx';

const route = getRouteApi('/app/incidentes/$incidentId');

export function IncidentDetailPage() {
  const { incidentId } = route.useParams();
  const valid = isUuid(incidentId);
  const detail = useQuery({ ...trpc.incidents.get.queryOptions({ id: incidentId }), enabled: valid });
  return (
    <DetailGate
      kind="incident"
      valid={valid}
      query={detail}
      skeleton={
        <DetailSkeleton kind="incident" badges={[90, 110, 100]}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Skeleton height={120} />
            <Skeleton height={120} />
            <Skeleton height={120} />
          </SimpleGrid>
          <Skeleton height={240} />
        </DetailSkeleton>
      }
    >
      {(incident) => <IncidentView incident={incident} refetch={() => void detail.refetch()} />}
    </DetailGate>
  );
}

function IncidentView({ incident, refetch }: { incident: IncidentDetail; refetch: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(`${incident.reference} · ${t('incidents.list.pageTitle')} · ${t('app.short')}`);
  const [editing, setEditing] = useState(false);
  // Someone else changed the incident: say so, and show what it is now.
  const note = useConflictNote(refetch);
  const { onConflict } = note;

  return (
    <Stack gap="lg" data-testid="incident-detail" data-reference={incident.reference} data-status={incident.status}>
      <BackLink kind="incident" />
      <Stack gap="xs">
        <DetailHeader
          kind="incident"
          reference={incident.reference}
          title={incident.title}
          badges={
            <>
              <StatusBadge status={incident.status} size="lg" />
              <SeverityBadge level={incident.severity} size="lg" />
              <TlpBadge tlp={incident.tlp} size="lg" />
            </>
          }
          actions={
            <Group gap="sm">
              {incident.can.edit ? (
                <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)} data-testid="incident-edit">
                  {t('incidents.detail.edit.open')}
                </Button>
              ) : null}
              <IssueAdvisoryButton incidentId={incident.id} />
              {/* The official PDF of the report and its follow-ups (ReportPdfMenu.tsx). */}
              <ReportPdfMenu incident={incident} />
              {/* The incident as a STIX 2.1 bundle (StixDownloadButton.tsx). */}
              <StixDownloadButton incident={incident} />
            </Group>
          }
        />
        <StatusNote incident={incident} />
      </Stack>

      <ConflictNote kind="incident" note={note} />

      <TransitionActions incident={incident} onConflict={onConflict} />

      <FactsPanel incident={incident} />

      <OwnerPanel incident={incident} onConflict={onConflict} />

      <ObligationClocks incident={incident} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <DetailsPanel incident={incident} locale={locale} />
            <ObservablesPanel incident={incident} />
            {/* Evidence files (features/files/): who may add observables uploads. */}
            <EvidencePanel
              parent={{ kind: 'incident', id: incident.id }}
              attachments={incident.attachments}
              canUpload={incident.can.manageObservables}
              onChanged={() => refreshIncident(incident.id)}
            />
            <RelatedIncidents incidentId={incident.id} />
            <IncidentTimeline incident={incident} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <IncidentTasksPanel incident={incident} tasks={incident.tasks} />
            <IncidentPlaybooksPanel incident={incident} />
            <ReportsPanel incident={incident} />
            {incident.shares ? <SharingPanel incident={incident} shares={incident.shares} /> : null}
            <IncidentContactsPanel incidentId={incident.id} />
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
  if (incident.status === 'merged' && incident.mergedInto && 'hidden' in incident.mergedInto) {
    // Merged into an incident the reader may not read: said without naming it.
    return (
      <Alert color="gray" variant="light" data-testid="incident-merged-note">
        <Text size="sm">{t('incidents.detail.mergedIntoHidden')}</Text>
      </Alert>
    );
  }
  const target = incident.mergedInto;
  if (incident.status === 'merged' && target && 'id' in target) {
    return (
      <Alert color="gray" variant="light" data-testid="incident-merged-note">
        <Text size="sm">
          {t('incidents.detail.mergedInto')}{' '}
          <CodeLink to="/incidentes/$incidentId" params={{ incidentId: target.id }}>
            {target.reference}
          </CodeLink>
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

/** Who reported it and when: the three dates of the legal clock, in Mexico City time. */
function FactsPanel({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper p="md" data-testid="incident-facts">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="md" verticalSpacing="md">
        <Fact label={t('incidents.detail.facts.agency')} testId="incident-agency">
          <AgencyFact code={incident.agency.code} name={agencyName(incident.agency, locale)} />
        </Fact>
        <Fact label={t('incidents.detail.facts.reporter')}>{incident.reporter.name}</Fact>
        <Fact label={t('incidents.detail.facts.detectedAt')}>{formatMxDateTime(incident.detectedAt, locale)}</Fact>
        <Fact label={t('incidents.detail.facts.awareAt')}>{formatMxDateTime(incident.awareAt, locale)}</Fact>
        <Fact label={t('incidents.detail.facts.filedAt')}>{formatMxDateTime(incident.createdAt, locale)}</Fact>
      </SimpleGrid>
      <ClockNote testId="incident-time-zone" mt="sm">
        {t('incidents.detail.timeZoneNote', { zone: t('incidents.common.timeZoneInline'), updated: formatMxDateTime(incident.updatedAt, locale) })}
      </ClockNote>
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
