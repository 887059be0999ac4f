import { type AgencyDto, CreateUserInput, LOCALES, ROLES, type Role, UpdateUserInput, type UserDto, messageFor, roleAgencyMismatch } from '@anc/domain';
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../lib/notify.ts';
import { currentLocale, useLocale } from '../../i18n/index.ts';
import { applyServerError, schemaValidator } from '../../lib/forms.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { agencyOptionsFor } from './agencyOptions.ts';
import { PasswordField } from './PasswordField.tsx';

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: UserDto };

const isRole = (value: string | null): value is Role => (ROLES as readonly (string | null)[]).includes(value);

/** Role and agency must fit (staff outside the ANC, coordination and administration inside). */
function mismatch(agencies: readonly AgencyDto[]) {
  return (values: { role: string | null; agencyId: string | null }, locale: ReturnType<typeof currentLocale>): FormErrors => {
    const agency = agencies.find((a) => a.id === values.agencyId);
    if (!agency || !isRole(values.role)) return {};
    const reason = roleAgencyMismatch(values.role, agency);
    return reason ? { agencyId: messageFor(reason, locale) } : {};
  };
}

export function UserFormModal({ target, onClose }: { target: UserFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      size="lg"
      title={target?.mode === 'edit' ? t('users.form.editTitle', { name: target.user.name }) : t('users.form.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {target?.mode === 'create' ? <CreateUserForm onDone={onClose} /> : null}
      {target?.mode === 'edit' ? <EditUserForm key={target.user.id} user={target.user} onDone={onClose} /> : null}
    </Modal>
  );
}

function useAgencies() {
  return useQuery(trpc.agencies.list.queryOptions({ includeInactive: true })).data?.items ?? [];
}

function useRoleOptions() {
  const { t } = useTranslation();
  return ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

/** Changing the role moves the agency along: to the ANC for its roles, away from it for staff. */
function agencyAfterRoleChange(agencies: readonly AgencyDto[], role: string | null, agencyId: string | null): string | null {
  const anc = agencies.find((a) => a.kind === 'national_agency');
  const current = agencies.find((a) => a.id === agencyId);
  if (role === 'staff') return current?.kind === 'national_agency' ? null : agencyId;
  if (role === 'coordinator' || role === 'admin') return anc?.id ?? agencyId;
  return agencyId;
}

function invalidateUsers() {
  void queryClient.invalidateQueries(trpc.admin.users.list.pathFilter());
  void queryClient.invalidateQueries(trpc.agencies.list.pathFilter());
}

interface CreateValues {
  email: string;
  name: string;
  role: string | null;
  agencyId: string | null;
  password: string;
  locale: string | null;
}

const CREATE_FIELDS = ['email', 'name', 'role', 'agencyId', 'password', 'locale'] as const;

const prepareCreate = (v: CreateValues) => ({
  ...v,
  role: v.role ?? undefined,
  agencyId: v.agencyId ?? '',
  locale: v.locale ?? undefined,
});

function CreateUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const agencies = useAgencies();
  const roleOptions = useRoleOptions();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateValues>({
    initialValues: { email: '', name: '', role: 'staff', agencyId: null, password: '', locale: 'es-MX' },
    validate: schemaValidator<CreateValues>(CreateUserInput, currentLocale, {
      prepare: prepareCreate,
      extra: mismatch(agencies),
    }),
    validateInputOnBlur: true,
  });
  const create = useMutation(
    trpc.admin.users.create.mutationOptions({
      onSuccess: (user) => {
        invalidateUsers();
        notify(t('users.created', { email: user.email }));
        onDone();
      },
      onError: (error) => setFormError(applyServerError(form, error, CREATE_FIELDS, t)),
    }),
  );
  const role = form.values.role;

  return (
    <form
      noValidate
      data-testid="user-create-form"
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        const input = CreateUserInput.safeParse(prepareCreate(values));
        if (input.success) create.mutate(input.data);
      })}
    >
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" role="alert" data-testid="form-error">
            {formError}
          </Alert>
        ) : null}
        <TextInput
          label={t('users.form.email')}
          placeholder={t('users.form.emailPlaceholder')}
          type="email"
          inputMode="email"
          autoComplete="off"
          withAsterisk
          data-autofocus
          data-testid="user-email"
          {...form.getInputProps('email')}
        />
        <TextInput label={t('users.form.name')} autoComplete="off" withAsterisk data-testid="user-name-input" {...form.getInputProps('name')} />
        <Group grow align="flex-start">
          <Select
            label={t('users.form.role')}
            data={roleOptions}
            withAsterisk
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="user-role"
            {...form.getInputProps('role')}
            onChange={(value) => {
              form.setFieldValue('role', value);
              form.setFieldValue('agencyId', agencyAfterRoleChange(agencies, value, form.getValues().agencyId));
            }}
          />
          <Select
            label={t('users.form.locale')}
            data={LOCALES.map((l) => ({ value: l, label: t(`locales.${l}`) }))}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('locale')}
          />
        </Group>
        <Select
          label={t('users.form.agency')}
          placeholder={t('users.form.agencyPlaceholder')}
          nothingFoundMessage={t('users.form.agencyNothingFound')}
          data={agencyOptionsFor(agencies, isRole(role) ? role : null, locale)}
          searchable
          withAsterisk
          comboboxProps={{ withinPortal: true }}
          data-testid="user-agency"
          {...form.getInputProps('agencyId')}
        />
        <PasswordField
          label={t('users.form.password')}
          description={t('users.form.passwordHint')}
          inputProps={form.getInputProps('password')}
          onGenerate={(password) => form.setFieldValue('password', password)}
          testId="user-password"
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending} data-testid="user-submit">
            {t('users.form.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface EditValues {
  name: string;
  role: string | null;
  agencyId: string | null;
}

const EDIT_FIELDS = ['name', 'role', 'agencyId'] as const;

function EditUserForm({ user, onDone }: { user: UserDto; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useCurrentUser();
  const agencies = useAgencies();
  const roleOptions = useRoleOptions();
  const [formError, setFormError] = useState<string | null>(null);
  const isSelf = user.id === me.id;
  const prepare = (v: EditValues) => ({ id: user.id, name: v.name, role: v.role ?? undefined, agencyId: v.agencyId ?? '' });
  const form = useForm<EditValues>({
    initialValues: { name: user.name, role: user.role, agencyId: user.agency.id },
    validate: schemaValidator<EditValues>(UpdateUserInput, currentLocale, { prepare, extra: mismatch(agencies) }),
    validateInputOnBlur: true,
  });
  const update = useMutation(
    trpc.admin.users.update.mutationOptions({
      onSuccess: (updated) => {
        invalidateUsers();
        if (isSelf) void queryClient.invalidateQueries(trpc.auth.me.pathFilter());
        notify(t('users.updated', { name: updated.name }));
        onDone();
      },
      onError: (error) => setFormError(applyServerError(form, error, EDIT_FIELDS, t)),
    }),
  );
  const role = form.values.role;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        const input = UpdateUserInput.safeParse(prepare(values));
        if (input.success) update.mutate(input.data);
      })}
    >
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        ) : null}
        <TextInput label={t('users.form.email')} value={user.email} readOnly description={t('users.form.emailLocked')} />
        <TextInput label={t('users.form.name')} autoComplete="off" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <Select
          label={t('users.form.role')}
          data={roleOptions}
          withAsterisk
          allowDeselect={false}
          disabled={isSelf}
          description={isSelf ? t('users.form.ownAccount') : undefined}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('role')}
          onChange={(value) => {
            form.setFieldValue('role', value);
            form.setFieldValue('agencyId', agencyAfterRoleChange(agencies, value, form.getValues().agencyId));
          }}
        />
        <Select
          label={t('users.form.agency')}
          placeholder={t('users.form.agencyPlaceholder')}
          nothingFoundMessage={t('users.form.agencyNothingFound')}
          data={agencyOptionsFor(agencies, isRole(role) ? role : null, locale, user.agency.id)}
          searchable
          withAsterisk
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('agencyId')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.saveChanges')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
