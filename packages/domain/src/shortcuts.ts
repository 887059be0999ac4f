import { can } from './permissions.ts';
import { navigationFor } from './navigation.ts';
import type { Role } from './roles.ts';

/**
 * The portal's keyboard shortcuts (issue 16): one key, or a sequence of two typed one after the
 * other ("g" then "i"). The portal binds them (apps/portal/src/components/KeyboardShortcuts.tsx)
 * and lists them in its help dialog; a role gets only those that lead somewhere it may go.
 */
export const KEYBOARD_SHORTCUTS = [
  { id: 'search', keys: ['/'] },
  { id: 'newReport', keys: ['n'], needs: 'incidents.create' },
  { id: 'goIncidents', keys: ['g', 'i'], section: 'incidents' },
  { id: 'goTasks', keys: ['g', 't'], section: 'tasks' },
  { id: 'help', keys: ['?'] },
] as const;

export type KeyboardShortcutId = (typeof KEYBOARD_SHORTCUTS)[number]['id'];
export interface KeyboardShortcut {
  id: KeyboardShortcutId;
  keys: readonly string[];
}

export function keyboardShortcutsFor(role: Role): KeyboardShortcut[] {
  const sections = new Set<string>(navigationFor(role).map((s) => s.key));
  return KEYBOARD_SHORTCUTS.filter((s) => {
    if ('needs' in s && !can(role, s.needs)) return false;
    if ('section' in s && !sections.has(s.section)) return false;
    return true;
  }).map((s) => ({ id: s.id, keys: s.keys }));
}
