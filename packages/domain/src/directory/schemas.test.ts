import { describe, expect, it } from 'vitest';
import { canEditDirectory, canReadDirectory } from './access.ts';
import { DesignateInput, formatMxPhone, normalizeMxPhone, SetEmergencyContactInput } from './schemas.ts';

const agencyId = '00000000-0000-4000-8000-000000000001';
const valid = {
  agencyId,
  role: 'ric',
  name: 'Laura Méndez Ortiz',
  position: 'Directora de Seguridad de la Información',
  email: 'Laura.Mendez@SEDENA.gob.mx',
  phone: '55 5626 5000',
  designatedAt: '2026-01-20',
};

describe('directory schemas', () => {
  it('reads Mexican numbers in the ways people write them and keeps E.164', () => {
    expect(['55 5626 5000', '(55) 5626-5000', '+52 55 5626 5000', '5556265000'].map(normalizeMxPhone)).toEqual(Array(4).fill('+525556265000'));
    expect(normalizeMxPhone('81 8340 1000')).toBe('+528183401000');
    expect(formatMxPhone('+525556265000')).toBe('+52 55 5626 5000');
  });

  it('refuses numbers that are not Mexican or not valid', () => {
    expect(['+1 202 555 0143', '12345', '55 5626 500', 'no tengo', '+34 912 345 678'].map(normalizeMxPhone)).toEqual([null, null, null, null, null]);
  });

  it('accepts a designation and normalises the e-mail and phone', () => {
    expect(DesignateInput.parse(valid)).toEqual({ ...valid, email: 'laura.mendez@sedena.gob.mx', phone: '+525556265000' });
  });

  it('reports each bad field under its own name', () => {
    const r = DesignateInput.safeParse({ ...valid, role: 'jefe', name: 'L', position: '', email: 'laura@', phone: '123', designatedAt: '2026-02-30' });
    expect(r.success).toBe(false);
    const fields = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));
    expect(fields).toEqual({
      role: 'invalid_option',
      name: 'too_short',
      position: 'too_short',
      email: 'invalid_email',
      phone: 'invalid_mx_phone',
      designatedAt: 'invalid_date',
    });
    const contact = SetEmergencyContactInput.safeParse({ agencyId, name: 'Mesa de guardia', phone: '+1 202 555 0143', email: 'guardia@sedena.gob.mx' });
    expect(contact.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['phone', 'invalid_mx_phone']]);
  });

  it('lets staff read and edit their own agency only, coordinators read all, admins edit all', () => {
    const other = '00000000-0000-4000-8000-000000000002';
    const staff = { role: 'staff' as const, agencyId };
    const coordinator = { role: 'coordinator' as const, agencyId: other };
    const admin = { role: 'admin' as const, agencyId: other };
    expect([
      canReadDirectory(staff, agencyId),
      canReadDirectory(staff, other),
      canReadDirectory(coordinator, agencyId),
      canReadDirectory(admin, agencyId),
    ]).toEqual([true, false, true, true]);
    expect([
      canEditDirectory(staff, agencyId),
      canEditDirectory(staff, other),
      canEditDirectory(coordinator, agencyId),
      canEditDirectory(admin, agencyId),
    ]).toEqual([true, false, false, true]);
  });
});
