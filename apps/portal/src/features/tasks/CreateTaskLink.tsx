import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ButtonLink } from '../../components/links.tsx';
import type { NewTaskSearch } from './search.ts';

/** "Crear tarea" from an incident's or an initiative's page: the form opens with the link and the agency filled in. */
export function CreateTaskLink({ search, ariaLabel, testId, children }: { search: NewTaskSearch; ariaLabel: string; testId: string; children: ReactNode }) {
  return (
    <ButtonLink to="/tareas/nueva" search={search} size="xs" leftSection={<IconPlus size={14} aria-hidden />} aria-label={ariaLabel} data-testid={testId}>
      {children}
    </ButtonLink>
  );
}
