// Editing a task against the real API (src/testing/api-setup.ts): a blanked title is refused
// under its field and nothing is sent; a save over a version someone else changed first answers
// CONFLICT, which the dialog says above the fields, keeping what was typed, while the task on the
// server stays as the other person left it.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/index.ts';
import { trpcClient } from '../../lib/trpc.ts';
import { calls, clearCalls } from '../../testing/dom-setup.ts';
import { DEMO, renderPortal, signInAs } from '../../testing/render.tsx';
import { EditTaskModal } from './EditTaskModal.tsx';
import type { TaskDetail } from './types.ts';

let task: TaskDetail;

beforeAll(async () => {
  await signInAs(DEMO.coordinator);
  const open = (await trpcClient.tasks.list.query({ status: ['open'], limit: 5 })).items;
  const first = open[0];
  if (!first) throw new Error('the demo data has no open task');
  task = await trpcClient.tasks.get.query({ id: first.id });
});

describe('EditTaskModal', () => {
  it('refuses a blank title under its field and sends nothing', async () => {
    const user = userEvent.setup();
    await renderPortal(<EditTaskModal task={task} opened onClose={() => {}} onConflict={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: `Editar ${task.reference}` });
    const title = within(dialog).getByLabelText('Título', { exact: false });
    await user.clear(title);
    clearCalls();
    await user.click(within(dialog).getByRole('button', { name: 'Guardar cambios' }));

    const errorId = (title.getAttribute('aria-describedby') ?? '').split(' ').find((id) => id.includes('error'));
    expect(document.getElementById(errorId ?? '')?.textContent).toBe('Este campo es obligatorio.');
    expect(title).toHaveProperty('ariaInvalid', 'true');
    expect(calls).toEqual([]);
  });

  it('says so when someone else changed the task first, keeps what was typed, and changes nothing', async () => {
    const user = userEvent.setup();
    // Someone else saves first: the task on screen is now one version behind.
    const theirs = await trpcClient.tasks.update.mutate({ id: task.id, version: task.version, title: `${task.title} (revisada)` });
    let conflicts = 0;
    await renderPortal(<EditTaskModal task={task} opened onClose={() => {}} onConflict={() => (conflicts += 1)} />);
    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByLabelText('Título', { exact: false });
    await user.clear(title);
    await user.type(title, 'Aplicar el parche del servidor de correo');
    clearCalls();
    await user.click(within(dialog).getByRole('button', { name: 'Guardar cambios' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toBe(i18n.t('tasks.detail.edit.conflict'));
    expect(conflicts).toBe(1);
    expect(calls).toEqual(['tasks.update']);
    expect(title).toHaveProperty('value', 'Aplicar el parche del servidor de correo');
    await waitFor(async () => expect(await trpcClient.tasks.get.query({ id: task.id })).toMatchObject({ title: theirs.title, version: theirs.version }));
  });
});
