import { MAX_OBSERVABLES, messageFor, parseObservableLines } from '@anc/domain';
import {
  ActionIcon,
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  List,
  Paper,
  ScrollArea,
  Stack,
  Table,
  Text,
  Textarea,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconCopy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { useLocale } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { refreshIncident } from './cache.ts';
import { observableTypeLabel } from './labels.tsx';
import type { IncidentDetail, IncidentObservable } from './types.ts';
import { SectionTitle } from '../../components/SectionTitle.tsx';

export const RELATED_SECTION_ID = 'relacionados';

export function ObservablesPanel({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<IncidentObservable | null>(null);
  const manage = incident.can.manageObservables;

  const remove = useMutation(
    trpc.incidents.removeObservable.mutationOptions({
      onSuccess: async () => {
        await refreshIncident(incident.id);
        notify(t('incidents.detail.observables.removed'));
        setRemoving(null);
      },
    }),
  );

  return (
    <Paper p="md" component="section" aria-labelledby="incident-observables-title" data-testid="incident-observables">
      <SectionTitle
        id="incident-observables-title"
        extra={
          manage && !adding ? (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => setAdding(true)}
              data-testid="observables-add-open"
            >
              {t('incidents.detail.observables.add')}
            </Button>
          ) : null
        }
      >
        {t('incidents.detail.observables.title', { count: incident.observables.length })}
      </SectionTitle>

      {adding ? <AddObservablesForm incident={incident} onDone={() => setAdding(false)} /> : null}

      {incident.observables.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="observables-empty">
          {manage ? t('incidents.detail.observables.emptyCanAdd') : t('incidents.detail.observables.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <Table aria-label={t('incidents.detail.observables.tableLabel')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('incidents.detail.observables.value')}</Table.Th>
                <Table.Th scope="col" w={90}>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {incident.observables.map((o) => (
                <Table.Tr key={o.id} data-testid="observable-row" data-type={o.type} data-value={o.value}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap" align="flex-start">
                      <Badge variant="outline" color="gray" w={78} style={{ flexShrink: 0 }}>
                        {observableTypeLabel(o.type, locale)}
                      </Badge>
                      <Stack gap={2} miw={0}>
                        <Text ff="monospace" size="sm" style={{ overflowWrap: 'anywhere' }}>
                          {o.value}
                        </Text>
                        {o.alsoSeenIn > 0 ? (
                          <Anchor href={`#${RELATED_SECTION_ID}`} size="xs" c="orange.9" fw={600} data-testid="observable-also-seen" data-count={o.alsoSeenIn}>
                            {t('incidents.detail.observables.alsoSeen', { count: o.alsoSeenIn })}
                          </Anchor>
                        ) : null}
                      </Stack>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <CopyButton value={o.value} timeout={1500}>
                        {({ copied, copy }) => (
                          <Tooltip label={copied ? t('incidents.detail.observables.copied') : t('incidents.detail.observables.copy')} withinPortal>
                            <ActionIcon
                              variant="subtle"
                              color={copied ? 'teal' : 'gray'}
                              onClick={copy}
                              aria-label={`${t('incidents.detail.observables.copy')}: ${o.value}`}
                              data-testid="observable-copy"
                            >
                              {copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </CopyButton>
                      {manage ? (
                        <Tooltip label={t('incidents.detail.observables.remove')} withinPortal>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            onClick={() => {
                              remove.reset();
                              setRemoving(o);
                            }}
                            aria-label={`${t('incidents.detail.observables.remove')}: ${o.value}`}
                            data-testid="observable-remove"
                          >
                            <IconTrash size={16} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}

      <ConfirmDialog
        opened={removing !== null}
        title={t('incidents.detail.observables.confirmRemoveTitle')}
        body={removing ? t('incidents.detail.observables.confirmRemoveBody', { value: removing.value, type: observableTypeLabel(removing.type, locale) }) : ''}
        confirmLabel={t('incidents.detail.observables.remove')}
        danger
        loading={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => removing && remove.mutate({ id: incident.id, observableId: removing.id })}
        onClose={() => setRemoving(null)}
      />
    </Paper>
  );
}

/** One indicator per line; each line's detected type and canonical value (or why not) before sending. */
function AddObservablesForm({ incident, onDone }: { incident: IncidentDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [text, setText] = useState('');
  const lines = parseObservableLines(text);
  const valid = lines.filter((l) => l.value !== null);
  const invalid = lines.filter((l) => l.error !== null);
  const room = MAX_OBSERVABLES - incident.observables.length;
  const tooMany = valid.length > room;

  const add = useMutation(
    trpc.incidents.addObservables.mutationOptions({
      onSuccess: async (result) => {
        await refreshIncident(incident.id);
        notify(
          result.skipped > 0
            ? t('incidents.detail.observables.addedSkipped', { count: result.added, skipped: result.skipped })
            : t('incidents.detail.observables.added', { count: result.added }),
        );
        onDone();
      },
    }),
  );

  return (
    <form
      noValidate
      data-testid="observables-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (valid.length === 0 || invalid.length > 0 || tooMany) return;
        add.mutate({ id: incident.id, observables: valid.map((l) => ({ type: l.type, value: l.value ?? '' })) });
      }}
    >
      <Stack gap="sm" mb="md">
        <Textarea
          label={t('incidents.detail.observables.inputLabel')}
          description={t('incidents.detail.observables.inputHint')}
          placeholder={'192.0.2.10\nhxxps://ejemplo[.]com/login\n44d88612fea8a8f36de82e1278abb02f'}
          autosize
          minRows={4}
          maxRows={12}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          data-autofocus
          data-testid="observables-input"
        />
        {lines.length > 0 ? (
          <Paper p="xs" bg="gray.0" withBorder={false} data-testid="observables-preview">
            <Text size="xs" fw={600} mb={4} aria-live="polite">
              {t('incidents.detail.observables.previewSummary', { valid: valid.length, invalid: invalid.length })}
            </Text>
            <ScrollArea.Autosize mah={220}>
              <List size="sm" spacing={4} listStyleType="none">
                {lines.map((l) => (
                  <List.Item key={l.line} data-testid="observable-preview-line" data-valid={l.error === null}>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <Text size="xs" c="dimmed" w={44} style={{ flexShrink: 0 }}>
                        {t('incidents.detail.observables.line', { line: l.line })}
                      </Text>
                      <Badge size="sm" variant={l.error ? 'outline' : 'light'} color={l.error ? 'red' : 'teal'} style={{ flexShrink: 0 }}>
                        {observableTypeLabel(l.type, locale)}
                      </Badge>
                      <Stack gap={0} miw={0}>
                        <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>{l.value ?? l.raw}</Code>
                        {l.error ? (
                          <Text size="xs" c="red.8">
                            {messageFor(l.error, locale)}
                          </Text>
                        ) : null}
                      </Stack>
                    </Group>
                  </List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
          </Paper>
        ) : null}
        {invalid.length > 0 ? (
          <Text size="sm" c="red.8" data-testid="observables-invalid">
            {t('incidents.detail.observables.fixLines', { count: invalid.length })}
          </Text>
        ) : null}
        {tooMany ? (
          <Text size="sm" c="red.8">
            {t('incidents.detail.observables.tooMany', { count: room })}
          </Text>
        ) : null}
        {add.error ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(add.error, t)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending} disabled={valid.length === 0 || invalid.length > 0 || tooMany} data-testid="observables-submit">
            {t('incidents.detail.observables.submit', { count: valid.length })}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
