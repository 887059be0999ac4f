import { describe, expect, it } from 'vitest';
import { escapeHtml, mailRetryDelayMs, mailTlp, notificationPath, portalLink, renderNotificationMail, wantsEmail, type NotificationMailInput } from './mail.ts';

const input = (over: Partial<NotificationMailInput> = {}): NotificationMailInput => ({
  locale: 'es-MX',
  recipientName: 'Ana Pérez',
  reference: 'TSK-2026-000042',
  headline: 'Nueva tarea para tu dependencia: TSK-2026-000042 · Contener el ransomware',
  tlp: 'AMBER',
  link: 'https://portal.example/tareas/0b3c',
  ...over,
});

describe('renderNotificationMail', () => {
  it('puts the TLP label and the reference in the subject, the headline and the link in both bodies (es-MX)', () => {
    const m = renderNotificationMail(input());
    expect(m.subject).toBe('[TLP:AMBER] Nueva tarea para tu dependencia: TSK-2026-000042 · Contener el ransomware');
    expect(m.text).toContain('Hola, Ana Pérez:');
    expect(m.text).toContain('Contener el ransomware');
    expect(m.text).toContain('Ábrelo en el portal: https://portal.example/tareas/0b3c');
    expect(m.html).toContain('<html lang="es-MX">');
    expect(m.html).toContain('href="https://portal.example/tareas/0b3c"');
    expect(m.html).toContain('Contener el ransomware');
  });

  it('speaks English to an English reader', () => {
    const m = renderNotificationMail(input({ locale: 'en', headline: 'Task overdue: TSK-2026-000042 · Contain' }));
    expect(m.subject).toBe('[TLP:AMBER] Task overdue: TSK-2026-000042 · Contain');
    expect(m.text).toContain('Hello Ana Pérez,');
    expect(m.text).toContain('Open it on the portal: https://portal.example/tareas/0b3c');
    expect(m.html).toContain('<html lang="en">');
  });

  it('adds the reference when the headline does not name it', () => {
    expect(renderNotificationMail(input({ headline: 'Reporte recibido', tlp: 'GREEN' })).subject).toBe('[TLP:GREEN] TSK-2026-000042 · Reporte recibido');
  });

  it('never puts TLP:RED content in the subject or the body: only that there is news, and the link', () => {
    const m = renderNotificationMail(input({ tlp: 'RED', headline: 'Secreto: TSK-2026-000042 · Exfiltración en SEDENA', comment: 'detalle confidencial' }));
    for (const part of [m.subject, m.text, m.html]) {
      expect(part).not.toContain('Secreto');
      expect(part).not.toContain('Exfiltración');
      expect(part).not.toContain('confidencial');
      expect(part).toContain('TSK-2026-000042');
      expect(part).toContain('TLP:RED');
    }
    expect(m.subject).toBe('[TLP:RED] Hay novedades sobre TSK-2026-000042');
    expect(m.text).toContain('https://portal.example/tareas/0b3c');
  });

  it('escapes what it interpolates into the HTML, and keeps the plain text as written', () => {
    const m = renderNotificationMail(
      input({
        recipientName: '<b>Eve</b>',
        headline: 'TSK-2026-000042 · <script>alert(1)</script> & "x"',
        comment: "<img src=x onerror='y'>",
        link: 'https://p.example/t?a=1&b="2"',
      }),
    );
    expect(m.html).not.toContain('<script>');
    expect(m.html).not.toContain('<img');
    expect(m.html).not.toContain('<b>Eve');
    expect(m.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(m.html).toContain('href="https://p.example/t?a=1&amp;b=&quot;2&quot;"');
    expect(m.text).toContain('<script>alert(1)</script>');
    expect(m.text).toContain("<img src=x onerror='y'>");
  });

  it('carries a comment when there is one', () => {
    const m = renderNotificationMail(input({ comment: 'Falta el anexo' }));
    expect(m.text).toContain('Comentario:\nFalta el anexo');
    expect(m.html).toContain('Falta el anexo');
  });
});

describe('the rules around it', () => {
  it('wantsEmail: active people with an address', () => {
    expect(wantsEmail({ active: true, kind: 'person', email: 'a@b.mx' })).toBe(true);
    expect(wantsEmail({ active: false, kind: 'person', email: 'a@b.mx' })).toBe(false);
    expect(wantsEmail({ active: true, kind: 'api_client', email: 'a@b.mx' })).toBe(false);
    expect(wantsEmail({ active: true, kind: 'person', email: '' })).toBe(false);
  });

  it('mailTlp: the data, else the task incident, else AMBER', () => {
    expect(mailTlp('RED', 'GREEN')).toBe('RED');
    expect(mailTlp(undefined, 'GREEN')).toBe('GREEN');
    expect(mailTlp('PURPLE', null)).toBe('AMBER');
  });

  it('notificationPath and portalLink', () => {
    expect(notificationPath({ taskId: 'abc', incidentId: null })).toBe('/tareas/abc');
    expect(notificationPath({ taskId: null, incidentId: 'i1' })).toBe('/incidentes/i1');
    expect(notificationPath({ taskId: null, incidentId: null })).toBe('/notificaciones');
    expect(portalLink('https://p.example/', '/tareas/x')).toBe('https://p.example/tareas/x');
    expect(portalLink('https://p.example/anc', 'tareas/x')).toBe('https://p.example/anc/tareas/x');
  });

  it('escapeHtml', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('mailRetryDelayMs doubles from 30 s up to 6 h', () => {
    expect([1, 2, 3, 4].map((n) => mailRetryDelayMs(n))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(mailRetryDelayMs(30)).toBe(6 * 60 * 60 * 1000);
  });
});
