/**
 * /alertas/$advisoryId. Coordinators and admins: the advisory, its steps (publish, close), the
 * answer matrix (agency × latest answer × when × standing, overdue highlighted) and its CSV.
 * Staff of an addressed agency: the advisory, the answer form (as often as their situation
 * changes) and their agency's answer history. Anyone else, and staff on a draft: "not found".
 */
import { ADVISORY_RESPONSE_STATUSES, formatMxDateTime, seesEveryIncident, type AdvisoryResponseStatus } from '@anc/domain';
import { Alert, Badge, Button, Group, Paper, Radio, SimpleGrid, Stack, Table, Text, Textarea } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconDownload, IconLock, IconPencil, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { BackLink, ConflictNote, DetailGate, DetailHeader, DetailSkeleton, Fact, TextPanel, useConflictNote } from '../../components/DetailPage.tsx';
import { ButtonLink, CodeLink } from '../../components/links.tsx';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { errorCode, errorMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { SeverityBadge, TlpBadge } from '../incidents/labels.tsx';
import { AdvisoryStatusBadge, AnswerBadge, AnswerStateBadge } from './labels.tsx';
import type { AdvisoryDetail } from './types.ts';

const route = getRouteApi('/app/alertas/$advisoryId');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function AdvisoryDetailPage() {
  const { t } = useTranslation();
  const { advisoryId } = route.useParams();
  const valid = UUID.test(advisoryId);
  const query = useQuery({ ...trpc.advisories.get.queryOptions({ id: advisoryId }), enabled: valid, retry: (n, e) => errorCode(e) !== 'NOT_FOUND' && n < 2 });
  useDocumentTitle(`${query.data?.reference ?? t('advisories.detail.pageTitle')} · ${t('app.short')}`);
  return (
    <DetailGate
      kind="advisory"
      valid={valid}
      query={query}
      skeleton={
        <DetailSkeleton kind="advisory" badges={[80, 90, 70]}>
          {null}
        </DetailSkeleton>
      }
    >
      {(advisory) => <AdvisoryView advisory={advisory} refetch={() => void query.refetch()} />}
    </DetailGate>
  );
}

function AdvisoryView({ advisory: a, refetch }: { advisory: AdvisoryDetail; refetch: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const anc = seesEveryIncident(user);
  const queryClient = useQueryClient();
  const note = useConflictNote(refetch);
  const [step, setStep] = useState<'publish' | 'close' | null>(null);
  const stored = (next: AdvisoryDetail) => {
    queryClient.setQueryData(trpc.advisories.get.queryKey({ id: next.id }), next);
    void queryClient.invalidateQueries({ queryKey: trpc.advisories.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.dashboard.summary.queryKey() });
  };
  const onStepError = (error: unknown) => {
    if (errorCode(error) === 'CONFLICT') {
      setStep(null);
      note.onConflict();
    }
  };
  const publish = useMutation(
    trpc.advisories.publish.mutationOptions({
      onSuccess: (next) => {
        stored(next);
        setStep(null);
        notify(t('advisories.detail.published', { reference: next.reference }));
      },
      onError: onStepError,
    }),
  );
  const close = useMutation(
    trpc.advisories.close.mutationOptions({
      onSuccess: (next) => {
        stored(next);
        setStep(null);
        notify(t('advisories.detail.closed', { reference: next.reference }));
      },
      onError: onStepError,
    }),
  );
  const running = step === 'publish' ? publish : close;

  const actions = (
    <Group gap="sm">
      {a.capabilities.edit ? (
        <ButtonLink
          to="/alertas/$advisoryId/editar"
          params={{ advisoryId: a.id }}
          variant="default"
          leftSection={<IconPencil size={16} aria-hidden />}
          data-testid="advisory-edit"
        >
          {t('advisories.detail.edit')}
        </ButtonLink>
      ) : null}
      {a.allowedSteps.includes('publish') ? (
        <Button leftSection={<IconSend size={16} aria-hidden />} onClick={() => setStep('publish')} data-testid="advisory-publish">
          {t('advisories.detail.publish')}
        </Button>
      ) : null}
      {a.allowedSteps.includes('close') ? (
        <Button variant="default" leftSection={<IconLock size={16} aria-hidden />} onClick={() => setStep('close')} data-testid="advisory-close">
          {t('advisories.detail.close')}
        </Button>
      ) : null}
    </Group>
  );

  return (
    <Stack gap="md">
      <BackLink kind="advisory" />
      <ConflictNote kind="advisory" note={note} />
      <DetailHeader
        kind="advisory"
        reference={a.reference}
        title={a.title}
        badges={
          <>
            <AdvisoryStatusBadge status={a.status} />
            <TlpBadge tlp={a.tlp} />
            <SeverityBadge level={a.severity} />
          </>
        }
        actions={actions}
      />
      <Paper p="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
          <Fact label={t('advisories.detail.facts.respondBy')} testId="advisory-respond-by">
            {formatMxDateTime(a.respondBy, locale)}
          </Fact>
          <Fact label={t('advisories.detail.facts.publishedAt')}>{a.publishedAt ? formatMxDateTime(a.publishedAt, locale) : '—'}</Fact>
          <Fact label={t('advisories.detail.facts.audience')} testId="advisory-audience">
            {a.allAgencies && anc ? t('advisories.detail.allAgencies') : a.agencies.map((x) => x.code).join(', ') || '—'}
          </Fact>
          {anc && a.createdBy ? <Fact label={t('advisories.detail.facts.createdBy')}>{a.createdBy.name}</Fact> : null}
          {anc && a.incidentId ? (
            <Fact label={t('advisories.detail.facts.incident')}>
              <CodeLink to="/incidentes/$incidentId" params={{ incidentId: a.incidentId }}>
                {t('advisories.detail.facts.incident')}
              </CodeLink>
            </Fact>
          ) : null}
        </SimpleGrid>
      </Paper>
      <TextPanel title={t('advisories.detail.summary')} text={a.summary} empty="—" testId="advisory-summary" textTestId="advisory-summary-text" />
      <TextPanel title={t('advisories.detail.actionRequired')} text={a.actionRequired} empty="—" testId="advisory-action" textTestId="advisory-action-text" />
      <Paper p="md" data-testid="advisory-cves">
        <SectionTitle>{t('advisories.detail.cves')}</SectionTitle>
        <Group gap="xs">
          {a.cves.length ? (
            a.cves.map((c) => (
              <Badge key={c} variant="outline" color="dark" ff="monospace" tt="none">
                {c}
              </Badge>
            ))
          ) : (
            <Text size="sm" c="dimmed">
              {t('advisories.detail.noCves')}
            </Text>
          )}
        </Group>
      </Paper>
      <TextPanel title={t('advisories.detail.body')} text={a.body} empty="—" testId="advisory-body" textTestId="advisory-body-text" />
      {anc ? <AnswerMatrix advisory={a} /> : <StaffAnswers advisory={a} onAnswered={stored} />}
      <ConfirmDialog
        opened={step !== null}
        title={step === 'close' ? t('advisories.detail.closeTitle') : t('advisories.detail.publishTitle')}
        body={step === 'close' ? t('advisories.detail.closeBody') : t('advisories.detail.publishBody')}
        confirmLabel={step === 'close' ? t('advisories.detail.close') : t('advisories.detail.publish')}
        loading={running.isPending}
        error={running.isError && errorCode(running.error) !== 'CONFLICT' ? errorMessage(running.error, t) : null}
        onConfirm={() => (step === 'close' ? close.mutate({ id: a.id, version: a.version }) : publish.mutate({ id: a.id, version: a.version }))}
        onClose={() => setStep(null)}
      />
    </Stack>
  );
}

function AnswerMatrix({ advisory: a }: { advisory: AdvisoryDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = a.responses ?? [];
  return (
    <Paper p="md" data-testid="advisory-matrix">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <SectionTitle>{t('advisories.detail.matrix')}</SectionTitle>
        {a.capabilities.export && a.status !== 'draft' ? (
          <Button
            component="a"
            href={`/advisories/${a.id}/responses.csv?lang=${locale}`}
            download
            variant="default"
            size="xs"
            leftSection={<IconDownload size={14} aria-hidden />}
            data-testid="advisory-csv"
          >
            {t('advisories.detail.downloadCsv')}
          </Button>
        ) : null}
      </Group>
      {a.counts && a.status !== 'draft' ? (
        <Text size="sm" mb="sm" data-testid="advisory-matrix-counts">
          {t('advisories.list.counts', a.counts)}
        </Text>
      ) : null}
      {a.status === 'draft' && rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('advisories.detail.matrixEmpty')}
        </Text>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <Table aria-label={t('advisories.detail.matrixLabel')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('advisories.detail.matrixColumns.agency')}</Table.Th>
                <Table.Th>{t('advisories.detail.matrixColumns.answer')}</Table.Th>
                <Table.Th>{t('advisories.detail.matrixColumns.when')}</Table.Th>
                <Table.Th>{t('advisories.detail.matrixColumns.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.agency.id} data-testid={`matrix-row-${r.agency.code}`} bg={r.overdue ? 'var(--mantine-color-red-0)' : undefined}>
                  <Table.Td>
                    <Text size="sm" ff="monospace" fw={700} span>
                      {r.agency.code}
                    </Text>{' '}
                    <Text size="xs" c="dimmed" span visibleFrom="sm">
                      {agencyName(r.agency, locale)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.status ? (
                      <AnswerBadge status={r.status} size="sm" testId="matrix-answer" />
                    ) : (
                      <Text size="sm" c="dimmed" data-testid="matrix-answer">
                        —
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.respondedAt ? formatMxDateTime(r.respondedAt, locale) : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <AnswerStateBadge state={r.state} size="sm" testId="matrix-state" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Paper>
  );
}

function StaffAnswers({ advisory: a, onAnswered }: { advisory: AdvisoryDetail; onAnswered: (next: AdvisoryDetail) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [status, setStatus] = useState<AdvisoryResponseStatus | null>(null);
  const [comment, setComment] = useState('');
  const respond = useMutation(
    trpc.advisories.respond.mutationOptions({
      onSuccess: (next) => {
        onAnswered(next);
        setStatus(null);
        setComment('');
        notify(t('advisories.detail.answered'));
      },
    }),
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Paper p="md" data-testid="advisory-answer">
        <SectionTitle>{t('advisories.detail.answerTitle')}</SectionTitle>
        {a.overdue ? (
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} mb="sm" data-testid="advisory-overdue">
            {t('advisories.detail.overdueNote')}
          </Alert>
        ) : null}
        {a.ownAnswer ? (
          <Group gap="xs" mb="sm">
            <Text size="sm">{t('advisories.detail.yourAnswer')}:</Text>
            <AnswerBadge status={a.ownAnswer.status} testId="advisory-current-answer" />
          </Group>
        ) : null}
        {a.capabilities.respond ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (status) respond.mutate({ id: a.id, status, comment });
            }}
            data-testid="advisory-answer-form"
          >
            <Stack gap="sm">
              <Radio.Group label={t('advisories.detail.answerLegend')} value={status} onChange={(v) => setStatus(v as AdvisoryResponseStatus)} withAsterisk>
                <Stack gap={6} mt={6}>
                  {ADVISORY_RESPONSE_STATUSES.map((s) => (
                    <Radio key={s} value={s} label={t(`advisories.answer.${s}`)} data-testid={`answer-${s}`} />
                  ))}
                </Stack>
              </Radio.Group>
              <Textarea
                label={t('advisories.detail.comment')}
                autosize
                minRows={2}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                data-testid="answer-comment"
              />
              {respond.isError ? (
                <Alert color="red" variant="light" role="alert">
                  {errorMessage(respond.error, t)}
                </Alert>
              ) : null}
              <Group justify="flex-end">
                <Button
                  type="submit"
                  disabled={!status}
                  loading={respond.isPending}
                  leftSection={<IconSend size={16} aria-hidden />}
                  data-testid="answer-submit"
                >
                  {t('advisories.detail.submitAnswer')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Text size="sm" c="dimmed">
            {t('advisories.detail.closedNote')}
          </Text>
        )}
      </Paper>
      <Paper p="md" data-testid="advisory-history">
        <SectionTitle>{t('advisories.detail.history')}</SectionTitle>
        {a.history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('advisories.detail.historyEmpty')}
          </Text>
        ) : (
          <Stack gap="sm">
            {a.history.map((h) => (
              <Stack key={h.id} gap={2} data-testid="history-entry">
                <Group gap="xs">
                  <AnswerBadge status={h.status} size="sm" />
                  <Text size="xs" c="dimmed">
                    {formatMxDateTime(h.respondedAt, locale)}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {t('advisories.detail.by', { name: h.by.name, agency: h.agency.code })}
                </Text>
                {h.comment ? (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {h.comment}
                  </Text>
                ) : null}
              </Stack>
            ))}
          </Stack>
        )}
      </Paper>
    </SimpleGrid>
  );
}
