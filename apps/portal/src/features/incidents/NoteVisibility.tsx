/**
 * Who reads a note on an incident's timeline (packages/domain/src/incidents/visibility.ts): the
 * badge on each note and the choice its author makes, offering only what the author may write.
 */
import { defaultNoteVisibility, writableNoteVisibilities, type NoteVisibility } from '@anc/domain';
import { Badge, Radio, Stack } from '@mantine/core';
import { IconLock, IconUsers, IconUsersGroup } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../lib/session.ts';

const STYLES: Record<NoteVisibility, { color: string; icon: ReactNode }> = {
  anc: { color: 'guinda', icon: <IconLock size={12} aria-hidden /> },
  reporting: { color: 'orange', icon: <IconUsers size={12} aria-hidden /> },
  all_readers: { color: 'teal', icon: <IconUsersGroup size={12} aria-hidden /> },
};

export function NoteVisibilityBadge({ visibility }: { visibility: NoteVisibility }) {
  const { t } = useTranslation();
  const who = t(`incidents.detail.timeline.visibility.options.${visibility}`);
  return (
    <Badge
      variant="light"
      size="sm"
      color={STYLES[visibility].color}
      leftSection={STYLES[visibility].icon}
      title={t('incidents.detail.timeline.visibility.badge', { who })}
      aria-label={t('incidents.detail.timeline.visibility.badge', { who })}
      data-testid="note-visibility"
      data-visibility={visibility}
      style={{ textTransform: 'none', verticalAlign: 'middle' }}
    >
      {who}
    </Badge>
  );
}

/** The visibilities the signed-in user may write, and the one a new note starts with. */
export function useNoteVisibilityChoice(): { options: readonly NoteVisibility[]; initial: NoteVisibility } {
  const user = useCurrentUser();
  return { options: writableNoteVisibilities(user), initial: defaultNoteVisibility(user) };
}

export function NoteVisibilityField({
  label,
  value,
  onChange,
  error,
  testId,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  /** `<testId>` on the group, `<testId>-<visibility>` on each choice. */
  testId: string;
}) {
  const { t } = useTranslation();
  const { options } = useNoteVisibilityChoice();
  return (
    <Radio.Group label={label} value={value} onChange={onChange} error={error} data-testid={testId}>
      <Stack gap={6} mt={6}>
        {options.map((v) => (
          <Radio key={v} value={v} label={t(`incidents.detail.timeline.visibility.options.${v}`)} data-testid={`${testId}-${v}`} />
        ))}
      </Stack>
    </Radio.Group>
  );
}
