import { ActionIcon, Box, Popover, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The header's search box (issue 14): text, or an indicator (IP, domain, URL, hash, CVE — the API
 * recognises it, packages/domain/src/incidents/observables.ts `searchedIndicator`); Enter opens the
 * incidents list with it as `q`. On a phone it sits behind a search button, in a popover.
 */
/** The "/" shortcut (KeyboardShortcuts.tsx): focus the header's field, or on a phone open its popover. */
export function focusGlobalSearch(): void {
  const field = document.getElementById('global-search');
  if (field && field.checkVisibility()) {
    field.focus();
    return;
  }
  document.getElementById('global-search-open')?.click();
}

export function GlobalSearch() {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Box visibleFrom="md" w={{ md: 260, lg: 320 }}>
        <SearchForm testId="global-search" id="global-search" />
      </Box>
      <Box hiddenFrom="md">
        <MobileSearch opened={opened} setOpened={setOpened} />
      </Box>
    </>
  );
}

function MobileSearch({ opened, setOpened }: { opened: boolean; setOpened: (v: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" shadow="md" trapFocus returnFocus withinPortal>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="white"
          size={40}
          radius="md"
          aria-label={t('owner.search.open')}
          aria-expanded={opened}
          onClick={() => setOpened(!opened)}
          id="global-search-open"
          data-testid="global-search-open"
        >
          <IconSearch size={22} stroke={1.7} aria-hidden />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown w="min(22rem, calc(100vw - 1rem))">
        {/* The popover traps focus and moves it to the field marked data-autofocus (Mantine's FocusTrap). */}
        <SearchForm testId="global-search-mobile" focusFirst onDone={() => setOpened(false)} />
      </Popover.Dropdown>
    </Popover>
  );
}

function SearchForm({ testId, id, focusFirst, onDone }: { testId: string; id?: string; focusFirst?: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = value.trim();
    if (!q) return;
    void navigate({ to: '/incidentes', search: { q } });
    setValue('');
    onDone?.();
  };
  return (
    <search aria-label={t('owner.search.label')}>
      <form onSubmit={submit}>
        <TextInput
          type="search"
          id={id}
          aria-label={t('owner.search.label')}
          title={t('owner.search.hint')}
          placeholder={t('owner.search.placeholder')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          maxLength={200}
          data-autofocus={focusFirst ? true : undefined}
          size="sm"
          data-testid={testId}
        />
      </form>
    </search>
  );
}
