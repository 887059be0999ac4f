import { describe, expect, it } from 'vitest';
import { digestDay, digestDueAt, digestWindowStart, dueDigestDay } from './digest.ts';
import { wantsEmail } from '../mail.ts';
import { hideResetToken, passwordResetLink } from './password-reset.ts';
import { renderDigestMail, renderPasswordResetMail } from './account-mail.ts';

describe('the daily digest schedule (08:00 Mexico City, UTC−6 all year since 2022)', () => {
  it('is due from 08:00 of the Mexico City day, whatever the UTC date', () => {
    expect(digestDueAt('2026-12-03').toISOString()).toBe('2026-12-03T14:00:00.000Z');
    expect(digestDueAt('2026-07-01').toISOString()).toBe('2026-07-01T14:00:00.000Z');
    expect(dueDigestDay(new Date('2026-12-03T13:59:59.999Z'))).toBeNull();
    expect(dueDigestDay(new Date('2026-12-03T14:00:00.000Z'))).toBe('2026-12-03');
    // 23:30 in Mexico City is already the next day in UTC: still the 3rd there.
    expect(digestDay(new Date('2026-12-04T05:30:00.000Z'))).toBe('2026-12-03');
  });

  it('covers what came since the previous digest, at most the day before the first', () => {
    const due = digestDueAt('2026-12-03');
    const previous = new Date('2026-12-02T14:00:30.000Z');
    expect(digestWindowStart(previous, due)).toEqual(previous);
    expect(digestWindowStart(null, due).toISOString()).toBe('2026-12-02T14:00:00.000Z');
    expect(digestWindowStart(new Date('2026-11-01T00:00:00.000Z'), due).toISOString()).toBe('2026-12-02T14:00:00.000Z');
  });
});

describe('wantsEmail follows the preferences', () => {
  it('mails now only a person who keeps one mail per event', () => {
    const person = { active: true, kind: 'person' as const, email: 'a@b.mx' };
    expect(wantsEmail(person)).toBe(true);
    expect(wantsEmail({ ...person, emailNotifications: true, digest: 'none' })).toBe(true);
    expect(wantsEmail({ ...person, emailNotifications: true, digest: 'daily' })).toBe(false);
    expect(wantsEmail({ ...person, emailNotifications: false, digest: 'none' })).toBe(false);
  });
});

describe('account mail', () => {
  it('holds the single-use link, escaped in the HTML', () => {
    const link = passwordResetLink('https://portal.anc.gob.mx/', 'abc_-123');
    expect(link).toBe('https://portal.anc.gob.mx/restablecer?token=abc_-123');
    const es = renderPasswordResetMail({ locale: 'es-MX', name: 'Ana <Pérez>', link });
    expect(es.subject).toBe('Restablece tu contraseña del portal de la ANC');
    expect(es.text).toContain(link);
    expect(es.html).toContain(`href="${link}"`);
    expect(es.html).toContain('Ana &lt;Pérez&gt;');
    expect(es.html).not.toContain('<Pérez>');
    expect(renderPasswordResetMail({ locale: 'en', name: 'Ana', link }).text).toContain('within the next 30 minutes');
  });

  it('says of a TLP:RED matter only that there is news', () => {
    const mail = renderDigestMail({
      locale: 'es-MX',
      name: 'Ana',
      day: '2026-12-03',
      portalUrl: 'https://portal.anc.gob.mx',
      items: [
        { title: 'TSK-2026-000001 · Parchar', link: '/tareas/1', restricted: false },
        { title: 'INC-2026-000009 · Secreto', link: '/incidentes/9', restricted: true },
      ],
    });
    expect(mail.subject).toBe('Resumen diario del portal de la ANC (2026-12-03): 2 avisos');
    expect(mail.text).toContain('https://portal.anc.gob.mx/tareas/1');
    for (const body of [mail.text, mail.html]) expect(body).not.toContain('Secreto');
    expect(mail.text).toContain('Hay novedades de un asunto TLP:RED');
  });
});

describe('hideResetToken', () => {
  it('hides the token of a reset link in text and HTML, and leaves other mail alone', () => {
    const link = passwordResetLink('https://p.example', 'abc-DEF_123');
    expect(hideResetToken('password_reset', `Abre ${link} ya`)).toBe('Abre https://p.example/restablecer?token=•••••• ya');
    expect(hideResetToken('password_reset', `<a href="${link}">x</a>`)).toBe('<a href="https://p.example/restablecer?token=••••••">x</a>');
    expect(hideResetToken('task_assigned', `Abre ${link}`)).toBe(`Abre ${link}`);
  });
});
