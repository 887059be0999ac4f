/**
 * «Evidencias»: the files of an incident or a task (docs/API.md "Evidence files"). Pick or drop
 * several files; each uploads on its own with a progress bar and a cancel button; the list shows
 * name, size, detected type, SHA-256 (with a copy button), who uploaded it and when, a download
 * link (always an attachment) and, for the uploader's agency or a coordinator, removal after a
 * confirmation. Too large a file is refused before it is sent; a full incident, a refused upload
 * or a lost connection is said per file.
 */
import { MAX_FILE_BYTES, MAX_FILES_PER_PARENT, formatMxDateTime, type AttachmentDto } from '@anc/domain';
import { ActionIcon, Alert, Box, Button, CloseButton, CopyButton, Group, Paper, Progress, Stack, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCopy, IconDownload, IconFileUpload, IconTrash, IconX } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { useLocale } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { downloadUrl, formatBytes, uploadEvidence, type FileParent, type UploadHandle } from './upload.ts';

interface PendingUpload {
  key: number;
  name: string;
  size: number;
  progress: number;
  /** Set when it ended without being stored: what to tell the person. */
  error: string | null;
  handle: UploadHandle | null;
}

export function EvidencePanel({
  parent,
  attachments,
  canUpload,
  onChanged,
}: {
  parent: FileParent;
  attachments: readonly AttachmentDto[];
  canUpload: boolean;
  /** Fetch the incident or task again (a file was stored or removed). */
  onChanged: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const units = { B: t('files.units.B'), KiB: t('files.units.KiB'), MiB: t('files.units.MiB') };
  const size = (n: number) => formatBytes(n, locale, units);
  const maxSize = size(MAX_FILE_BYTES);
  const [pending, setPending] = useState<PendingUpload[]>([]);
  const [dragging, setDragging] = useState(false);
  const [removing, setRemoving] = useState<AttachmentDto | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);

  const update = (key: number, change: Partial<PendingUpload>) => setPending((list) => list.map((p) => (p.key === key ? { ...p, ...change } : p)));
  const drop = (key: number) => setPending((list) => list.filter((p) => p.key !== key));

  const start = (files: readonly File[]) => {
    for (const file of files) {
      const key = nextKey.current++;
      if (file.size > MAX_FILE_BYTES) {
        setPending((list) => [
          ...list,
          {
            key,
            name: file.name,
            size: file.size,
            progress: 0,
            handle: null,
            error: t('files.errors.tooLarge', { name: file.name, size: size(file.size), maxSize }),
          },
        ]);
        continue;
      }
      const handle = uploadEvidence(parent, file, locale, (progress) => update(key, { progress }));
      setPending((list) => [...list, { key, name: file.name, size: file.size, progress: 0, handle, error: null }]);
      void handle.done.then(async (result) => {
        if (result.kind === 'stored') {
          await onChanged();
          drop(key);
          notify(result.file.duplicate ? t('files.duplicate', { name: file.name }) : t('files.done', { name: file.name }));
        } else if (result.kind === 'aborted') {
          drop(key);
          notify(t('files.cancelled', { name: file.name }));
        } else if (result.kind === 'network') {
          update(key, { handle: null, error: t('files.errors.network', { name: file.name }) });
        } else {
          const message =
            result.reason === 'file_too_large'
              ? t('files.errors.tooLarge', { name: file.name, size: size(file.size), maxSize })
              : result.reason === 'too_many_files'
                ? t('files.errors.full', { maxFiles: MAX_FILES_PER_PARENT })
                : t('files.errors.failed', { name: file.name, message: result.message ?? t('errors.unexpected') });
          update(key, { handle: null, error: message });
        }
      });
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (canUpload) start([...e.dataTransfer.files]);
  };

  const removeOptions = {
    onSuccess: async () => {
      await onChanged();
      notify(t('files.removed'));
      setRemoving(null);
    },
  };
  const removeIncidentFile = useMutation(trpc.incidents.removeAttachment.mutationOptions(removeOptions));
  const removeTaskFile = useMutation(trpc.tasks.removeAttachment.mutationOptions(removeOptions));
  const remove = parent.kind === 'incident' ? removeIncidentFile : removeTaskFile;

  return (
    <Paper p="md" component="section" aria-labelledby="evidence-title" data-testid="evidence-panel">
      <SectionTitle id="evidence-title">{t('files.title', { count: attachments.length })}</SectionTitle>

      {canUpload ? (
        <Box
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="evidence-dropzone"
          p="md"
          mb="sm"
          style={{
            border: `2px dashed var(--mantine-color-${dragging ? 'blue-6' : 'gray-4'})`,
            borderRadius: 'var(--mantine-radius-md)',
            background: dragging ? 'var(--mantine-color-blue-0)' : undefined,
          }}
        >
          <Group gap="xs" justify="center" wrap="wrap">
            <IconFileUpload size={20} aria-hidden />
            <Text size="sm">{t('files.drop')}</Text>
            <Button size="xs" variant="light" onClick={() => input.current?.click()} data-testid="evidence-pick">
              {t('files.pick')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed" ta="center" mt={6}>
            {t('files.limits', { maxSize, maxFiles: MAX_FILES_PER_PARENT })}
          </Text>
          <VisuallyHidden>
            <input
              ref={input}
              type="file"
              multiple
              aria-label={t('files.pickLabel')}
              data-testid="evidence-input"
              onChange={(e) => {
                start([...(e.currentTarget.files ?? [])]);
                e.currentTarget.value = '';
              }}
            />
          </VisuallyHidden>
        </Box>
      ) : null}

      {pending.length > 0 ? (
        <Stack gap="xs" mb="sm" data-testid="evidence-pending">
          {pending.map((p) =>
            p.error ? (
              <Alert
                key={p.key}
                color="red"
                variant="light"
                role="alert"
                data-testid="evidence-error"
                withCloseButton
                closeButtonLabel={t('files.dismiss')}
                onClose={() => drop(p.key)}
              >
                <Text size="sm">{p.error}</Text>
              </Alert>
            ) : (
              <Group key={p.key} gap="sm" wrap="nowrap" data-testid="evidence-progress" data-name={p.name}>
                <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" truncate="end">
                    {t('files.uploading', { name: p.name })} · {size(p.size)}
                  </Text>
                  <Progress value={Math.round(p.progress * 100)} aria-label={t('files.uploading', { name: p.name })} animated={p.progress < 1} />
                </Stack>
                <CloseButton
                  aria-label={t('files.cancelLabel', { name: p.name })}
                  onClick={() => p.handle?.abort()}
                  icon={<IconX size={16} aria-hidden />}
                  data-testid="evidence-cancel"
                />
              </Group>
            ),
          )}
        </Stack>
      ) : null}

      {attachments.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="evidence-empty">
          {canUpload ? t('files.emptyCanUpload') : t('files.empty')}
        </Text>
      ) : (
        <Stack gap={0} component="ul" aria-label={t('files.tableLabel')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {attachments.map((a, i) => (
            <Box
              component="li"
              key={a.id}
              py="sm"
              style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-3)' } : undefined}
              data-testid="evidence-row"
              data-name={a.name}
              data-sha256={a.sha256}
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <Stack gap={2} miw={0} style={{ flex: 1 }}>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {a.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {size(a.size)} ·{' '}
                    {a.contentType === 'application/octet-stream' && a.declaredContentType
                      ? t('files.declaredType', { type: a.declaredContentType })
                      : a.contentType}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('files.uploadedBy', { name: a.uploadedBy.name, agency: a.uploadedBy.agencyCode, at: formatMxDateTime(a.createdAt, locale) })}
                  </Text>
                  <Group gap={4} wrap="nowrap" miw={0}>
                    <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                      {t('files.sha256')}
                    </Text>
                    <Text size="xs" ff="monospace" truncate="end" miw={0} data-testid="evidence-sha256" title={a.sha256}>
                      {a.sha256}
                    </Text>
                    <CopyButton value={a.sha256} timeout={1500}>
                      {({ copied, copy }) => (
                        <Tooltip label={copied ? t('files.copied') : t('files.copy')} withinPortal>
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            color={copied ? 'teal' : 'gray'}
                            onClick={copy}
                            aria-label={`${t('files.copy')}: ${a.name}`}
                            data-testid="evidence-copy"
                          >
                            {copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </CopyButton>
                  </Group>
                </Stack>
                <Group gap={4} wrap="nowrap">
                  <Tooltip label={t('files.download')} withinPortal>
                    <ActionIcon
                      component="a"
                      href={downloadUrl(a.id)}
                      download={a.name}
                      variant="subtle"
                      aria-label={`${t('files.download')}: ${a.name}`}
                      data-testid="evidence-download"
                    >
                      <IconDownload size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  {a.canRemove ? (
                    <Tooltip label={t('files.remove')} withinPortal>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => {
                          remove.reset();
                          setRemoving(a);
                        }}
                        aria-label={`${t('files.remove')}: ${a.name}`}
                        data-testid="evidence-remove"
                      >
                        <IconTrash size={16} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  ) : null}
                </Group>
              </Group>
            </Box>
          ))}
        </Stack>
      )}

      <ConfirmDialog
        opened={removing !== null}
        title={t('files.removeTitle')}
        body={t('files.removeBody', { name: removing?.name ?? '' })}
        confirmLabel={t('files.removeConfirm')}
        danger
        loading={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => {
          if (removing) remove.mutate({ id: parent.id, attachmentId: removing.id });
        }}
        onClose={() => setRemoving(null)}
      />
    </Paper>
  );
}
