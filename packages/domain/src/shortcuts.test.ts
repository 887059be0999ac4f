import { describe, expect, it } from 'vitest';
import { keyboardShortcutsFor } from './shortcuts.ts';

const ids = (role: Parameters<typeof keyboardShortcutsFor>[0]) => keyboardShortcutsFor(role).map((s) => s.id);

describe('keyboard shortcuts by role', () => {
  it('gives "n" (new report) only to the roles that may file a report', () => {
    expect(ids('staff')).toEqual(['search', 'newReport', 'goIncidents', 'goTasks', 'help']);
    expect(ids('coordinator')).toEqual(['search', 'newReport', 'goIncidents', 'goTasks', 'help']);
    expect(ids('admin')).toEqual(['search', 'goIncidents', 'goTasks', 'help']);
  });

  it('types the sections as sequences of two keys', () => {
    expect(keyboardShortcutsFor('staff').find((s) => s.id === 'goTasks')?.keys).toEqual(['g', 't']);
  });
});
