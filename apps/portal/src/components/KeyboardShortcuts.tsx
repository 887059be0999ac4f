import { type KeyboardShortcutId, type Role, keyboardShortcutsFor } from '@anc/domain';
import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { useHotkeys } from 'react-hotkeys-hook';
import { useTranslation } from 'react-i18next';
import { focusGlobalSearch } from './GlobalSearch.tsx';

/** Ctrl, Alt or ⌘ held: the browser's or the system's shortcut, never ours. */
const withCommandKey = (e: KeyboardEvent) => e.ctrlKey || e.metaKey || e.altKey;

/** A dialog is open (ours or any other): keys belong to it, not to the page behind. */
const dialogOpen = () => document.querySelector('[role="dialog"][aria-modal="true"], [role="dialog"][data-modal]') !== null;

const ignore = (e: KeyboardEvent) => withCommandKey(e) || dialogOpen();

/**
 * The portal's keyboard shortcuts (the list and who gets each: packages/domain/src/shortcuts.ts),
 * bound with react-hotkeys-hook. That library already ignores keys typed in an input, a textarea,
 * a select or a contenteditable element; here, also keys with Ctrl/Alt/⌘ and keys while a dialog is open.
 * "/" and "?" are matched by the character typed (Shift+7 and Shift+' on a Latin American keyboard), "n"
 * and the "g" sequences by the key.
 */
export function KeyboardShortcuts({ role }: { role: Role }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [helpOpened, setHelpOpened] = useState(false);
  const shortcuts = keyboardShortcutsFor(role);
  const has = (id: KeyboardShortcutId) => shortcuts.some((s) => s.id === id);

  // preventDefault: the "/" that moved the focus to the search box is not typed into it.
  // A typed character, Shift allowed (it makes "?" and, on some layouts, "/").
  const byCharacter = { useKey: true, ignoreModifiers: true, ignoreEventWhen: ignore, preventDefault: true } as const;
  useHotkeys('/', () => focusGlobalSearch(), { ...byCharacter, enabled: has('search') });
  useHotkeys('?', () => setHelpOpened(true), { ...byCharacter, enabled: has('help') });
  useHotkeys('n', () => void navigate({ to: '/incidentes/nuevo' }), { ignoreEventWhen: ignore, preventDefault: true, enabled: has('newReport') });
  // Sequences: the library does not run ignoreEventWhen for them, so the last key is checked here.
  const sequence = { sequenceTimeoutMs: 1500 } as const;
  useHotkeys('g>i', (e) => (ignore(e) ? undefined : void navigate({ to: '/incidentes' })), { ...sequence, enabled: has('goIncidents') });
  useHotkeys('g>t', (e) => (ignore(e) ? undefined : void navigate({ to: '/tareas' })), { ...sequence, enabled: has('goTasks') });

  return (
    <Modal opened={helpOpened} onClose={() => setHelpOpened(false)} title={t('shortcuts.title')} size="md" data-testid="shortcuts-help">
      <Text size="sm" c="dimmed" mb="md">
        {t('shortcuts.intro')}
      </Text>
      <Table verticalSpacing="xs" data-testid="shortcuts-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('shortcuts.keys')}</Table.Th>
            <Table.Th scope="col">{t('shortcuts.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shortcuts.map((s) => (
            <Table.Tr key={s.id} data-testid={`shortcut-${s.id}`}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {s.keys.map((key, i) => (
                    <Fragment key={key}>
                      {i > 0 ? (
                        <Text span size="xs" c="dimmed">
                          {t('shortcuts.thenKey')}
                        </Text>
                      ) : null}
                      <Kbd>{key}</Kbd>
                    </Fragment>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`shortcuts.actions.${s.id}`)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
