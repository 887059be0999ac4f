import { Button, Stack, Text } from '@mantine/core';
import { IconFilterOff, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links.tsx';

/** No tasks at all, or none that match the filters (with the way out). */
export function TasksEmptyState({ filtered, canCreate, onClear }: { filtered: boolean; canCreate: boolean; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap="xs" py="xl" data-testid={filtered ? 'tasks-no-match' : 'tasks-empty'}>
      <Text fw={600} ta="center">
        {filtered ? t('tasks.list.noMatchTitle') : t('tasks.list.emptyTitle')}
      </Text>
      <Text size="sm" c="dimmed" ta="center" maw={520}>
        {filtered ? t('tasks.list.noMatchBody') : canCreate ? t('tasks.list.emptyBodyCoordinator') : t('tasks.list.emptyBody')}
      </Text>
      {filtered ? (
        <Button variant="default" size="xs" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={onClear}>
          {t('common.clearFilters')}
        </Button>
      ) : canCreate ? (
        <ButtonLink to="/tareas/nueva" size="xs" leftSection={<IconPlus size={14} aria-hidden />}>
          {t('tasks.list.new')}
        </ButtonLink>
      ) : null}
    </Stack>
  );
}
