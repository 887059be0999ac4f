/**
 * The filter panel of a list page (incidents, tasks, initiatives): the fields in a grid; on a phone
 * folded behind a button that says how many filters are set; under the fields, the filters that
 * have no field here (set by a link) as removable notes, and the button that clears them all.
 * Every change goes to the address; the page re-keys the panel to reset what it holds locally.
 */
import { Button, CloseButton, Collapse, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconChevronDown, IconFilter, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A filter set by a link (an incident's tasks, the Panel's "my agency") that has no field of its own. */
export interface FilterNoteSpec {
  text: string;
  removeLabel: string;
  onRemove: () => void;
  testId: string;
}

export function FilterPanel({
  name,
  collapsible,
  toggleText,
  columns,
  notes = [],
  canClear,
  onClear,
  label,
  children,
}: {
  /** The list's name in test ids and element ids: `<name>-filters`, `<name>-filters-toggle`, `<name>-clear-filters`. */
  name: string;
  /** Folded behind a button (on a phone). */
  collapsible: boolean;
  /** The fold button's words ("Filtros (2)"). */
  toggleText: string;
  /** Fields per row from the `lg` breakpoint (one on a phone, two from `sm`). */
  columns: number;
  notes?: readonly FilterNoteSpec[];
  /** Whether anything is set that "Limpiar filtros" would clear. */
  canClear: boolean;
  onClear: () => void;
  /** Makes the panel a named region. */
  label?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const fieldsId = `${name}-filter-fields`;
  return (
    <Paper p="md" data-testid={`${name}-filters`} {...(label ? { component: 'section', 'aria-label': label } : {})}>
      {collapsible ? (
        <Button
          variant="subtle"
          fullWidth
          justify="space-between"
          rightSection={<IconChevronDown size={16} aria-hidden style={{ transform: open ? 'rotate(180deg)' : undefined }} />}
          leftSection={<IconFilter size={16} aria-hidden />}
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls={fieldsId}
          mb={open ? 'sm' : 0}
          data-testid={`${name}-filters-toggle`}
        >
          {toggleText}
        </Button>
      ) : null}
      <Collapse expanded={!collapsible || open} id={fieldsId}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: columns }} spacing="md" verticalSpacing="sm">
            {children}
          </SimpleGrid>
          {notes.length > 0 || canClear ? (
            <Group justify="space-between" gap="sm">
              {notes.length > 0 ? (
                <Stack gap={4}>
                  {notes.map((note) => (
                    <Group key={`${note.testId}:${note.text}`} gap="xs" wrap="nowrap" data-testid={note.testId}>
                      <Text size="sm">{note.text}</Text>
                      <CloseButton size="sm" onClick={note.onRemove} aria-label={note.removeLabel} />
                    </Group>
                  ))}
                </Stack>
              ) : (
                <span />
              )}
              {canClear ? (
                <Button
                  variant="subtle"
                  color="gray"
                  size="xs"
                  leftSection={<IconFilterOff size={16} aria-hidden />}
                  onClick={onClear}
                  data-testid={`${name}-clear-filters`}
                >
                  {t('common.clearFilters')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      </Collapse>
    </Paper>
  );
}

/** The words filter: what is typed shows at once, the address follows a moment later. */
export function SearchField({
  label,
  placeholder,
  value,
  onSearch,
  testId,
}: {
  label: string;
  placeholder: string;
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  testId: string;
}) {
  const [text, setText] = useState(value ?? '');
  const search = useDebouncedCallback((q: string) => onSearch(q.trim() || undefined), 350);
  return (
    <TextInput
      label={label}
      placeholder={placeholder}
      leftSection={<IconSearch size={16} aria-hidden />}
      type="search"
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        search(e.currentTarget.value);
      }}
      data-testid={testId}
    />
  );
}
