/**
 * "Filtros guardados": the signed-in person's saved views of a list (savedFilters.*; own only):
 * apply one, save the current filters and sort under a name (the same name replaces), delete one.
 */
import { SaveSavedFilterInput, type SavedFilter, type SavedFilterList } from '@anc/domain';
import { ActionIcon, Alert, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconBookmark, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { queryClient, trpc } from '../../lib/trpc.ts';

export function SavedFiltersMenu({
  list,
  current,
  onApply,
}: {
  list: SavedFilterList;
  current: Record<string, unknown>;
  onApply: (filter: SavedFilter) => void;
}) {
  const { t } = useTranslation();
  const saved = useQuery(trpc.savedFilters.list.queryOptions({ list }));
  const refresh = () => queryClient.invalidateQueries(trpc.savedFilters.list.queryFilter({ list }));
  const [saving, setSaving] = useState(false);
  const [name, setName] = useState('');
  const save = useMutation(
    trpc.savedFilters.save.mutationOptions({
      onSuccess: (filter) => {
        void refresh();
        notify(t('lists.saved.saved', { name: filter.name }));
        setSaving(false);
        setName('');
      },
    }),
  );
  const remove = useMutation(
    trpc.savedFilters.remove.mutationOptions({
      onSuccess: (_ok, input) => {
        void refresh();
        notify(t('lists.saved.removed', { name: saved.data?.items.find((f) => f.id === input.id)?.name ?? '' }));
      },
    }),
  );
  const parsed = SaveSavedFilterInput.safeParse({ list, name, query: current });
  const items = saved.data?.items ?? [];

  return (
    <>
      <Menu position="bottom-end" withinPortal shadow="md" width={300}>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} aria-hidden />} data-testid={`${list}-saved-filters`}>
            {t('lists.saved.menu')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown data-testid={`${list}-saved-filters-menu`}>
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" px="sm" py="xs">
              {t('lists.saved.none')}
            </Text>
          ) : (
            items.map((filter) => (
              <Group key={filter.id} gap={4} wrap="nowrap" pr={4}>
                <Menu.Item
                  style={{ flex: 1 }}
                  onClick={() => {
                    onApply(filter);
                    notify(t('lists.saved.applied', { name: filter.name }));
                  }}
                  aria-label={t('lists.saved.apply', { name: filter.name })}
                  data-testid="saved-filter-apply"
                  data-name={filter.name}
                >
                  {filter.name}
                </Menu.Item>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('lists.saved.remove', { name: filter.name })}
                  onClick={() => remove.mutate({ id: filter.id })}
                  loading={remove.isPending && remove.variables.id === filter.id}
                  data-testid="saved-filter-remove"
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Group>
            ))
          )}
          <Menu.Divider />
          <Menu.Item leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => setSaving(true)} data-testid="saved-filter-save-open">
            {t('lists.saved.saveCurrent')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={saving} onClose={() => setSaving(false)} title={t('lists.saved.saveTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (parsed.success) save.mutate(parsed.data);
          }}
        >
          <Stack gap="md">
            <Text size="sm">{t('lists.saved.saveBody')}</Text>
            <TextInput
              label={t('lists.saved.name')}
              placeholder={t('lists.saved.namePlaceholder')}
              description={t('lists.saved.replaceNote')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              maxLength={80}
              required
              data-autofocus
              data-testid="saved-filter-name"
            />
            {save.error ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(save.error, t)}
              </Alert>
            ) : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setSaving(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!parsed.success} loading={save.isPending} data-testid="saved-filter-save">
                {t('lists.saved.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
