// The designation form against the real API (src/testing/api-setup.ts): the domain's schema
// refuses what a person mistyped, field by field in the reader's language, and nothing is sent;
// a valid designation is saved and the entry the API answers holds it.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DesignationRole } from '@anc/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { trpcClient } from '../../lib/trpc.ts';
import { calls, clearCalls } from '../../testing/dom-setup.ts';
import { DEMO, renderPortal, signInAs } from '../../testing/render.tsx';
import { DesignationFormModal } from './DesignationFormModal.tsx';
import type { DirectoryEntry } from './types.ts';

let entry: DirectoryEntry;

beforeAll(async () => {
  await signInAs(DEMO.sedena);
  const me = await trpcClient.auth.me.query();
  if (!me.user) throw new Error('not signed in');
  entry = await trpcClient.directory.get.query({ agencyId: me.user.agency.id });
});

/** The form for one role, open (the role comes in a variable: a literal `role=` reads as an ARIA role to lint). */
const formFor = (designation: DesignationRole, onClose: () => void = () => {}) => (
  <DesignationFormModal entry={entry} role={designation} opened onClose={onClose} />
);

/** The error text under the field labelled `label`. */
function errorUnder(label: string): string {
  const input = screen.getByLabelText(label, { exact: false });
  const id = input.getAttribute('aria-describedby') ?? '';
  return id
    .split(' ')
    .map((part) => document.getElementById(part))
    .filter((el) => el?.id.includes('error'))
    .map((el) => el?.textContent ?? '')
    .join(' ');
}

describe('DesignationFormModal', () => {
  it('refuses a mistyped e-mail and phone field by field, in Spanish, and sends nothing', async () => {
    const user = userEvent.setup();
    await renderPortal(formFor('ric'));
    const dialog = await screen.findByRole('dialog', { name: 'Designar: Responsable Institucional de Ciberseguridad (RIC)' });
    await user.type(within(dialog).getByLabelText('Nombre completo', { exact: false }), 'Laura Méndez Ortiz');
    await user.type(within(dialog).getByLabelText('Correo institucional', { exact: false }), 'laura@');
    await user.type(within(dialog).getByLabelText('Teléfono', { exact: false }), '123');
    clearCalls();
    await user.click(within(dialog).getByRole('button', { name: 'Guardar' }));

    expect(errorUnder('Cargo')).toBe('Este campo es obligatorio.');
    expect(errorUnder('Correo institucional')).toBe('Escribe un correo válido, por ejemplo nombre@dependencia.gob.mx.');
    expect(errorUnder('Teléfono')).toBe('Escribe un teléfono de México válido de 10 dígitos, por ejemplo 55 1234 5678 o +52 55 1234 5678.');
    expect(errorUnder('Nombre completo')).toBe('');
    expect(calls).toEqual([]);
  });

  it('says the same in English to an English reader', async () => {
    const user = userEvent.setup();
    await renderPortal(formFor('titular'), { locale: 'en' });
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Official e-mail', { exact: false }), 'no es un correo');
    await user.type(within(dialog).getByLabelText('Phone', { exact: false }), '+1 202 555 0143');
    clearCalls();
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    expect(errorUnder('Full name')).toBe('This field is required.');
    expect(errorUnder('Official e-mail')).toBe('Enter a valid e-mail, e.g. name@agency.gob.mx.');
    expect(errorUnder('Phone')).toBe('Enter a valid 10-digit Mexican phone number, e.g. 55 1234 5678 or +52 55 1234 5678.');
    expect(calls).toEqual([]);
  });

  it('saves a valid designation through the API, which then holds it normalised', async () => {
    const user = userEvent.setup();
    let closed = false;
    await renderPortal(formFor('ric_auxiliar', () => (closed = true)));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Nombre completo', { exact: false }), 'Jorge Ibarra Salas');
    await user.type(within(dialog).getByLabelText('Cargo', { exact: false }), 'Subdirector de Respuesta a Incidentes');
    await user.type(within(dialog).getByLabelText('Correo institucional', { exact: false }), 'Jorge.Ibarra@SEDENA.gob.mx');
    await user.type(within(dialog).getByLabelText('Teléfono', { exact: false }), '55 5626 5001');
    clearCalls();
    await user.click(within(dialog).getByRole('button', { name: 'Guardar' }));

    await waitFor(() => expect(closed).toBe(true));
    expect(calls).toEqual(['directory.designate']);
    const saved = await trpcClient.directory.get.query({ agencyId: entry.agency.id });
    expect(saved.designations.find((d) => d.role === 'ric_auxiliar')).toMatchObject({
      name: 'Jorge Ibarra Salas',
      email: 'jorge.ibarra@sedena.gob.mx',
      phone: '+525556265001',
    });
  });
});
