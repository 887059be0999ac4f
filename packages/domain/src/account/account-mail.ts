import { words } from '../catalogue/index.ts';
import { escapeHtml, type RenderedMail } from '../mail.ts';
import type { Locale } from '../roles.ts';
import { PASSWORD_RESET_TTL_MS } from './password-reset.ts';

function layout(locale: Locale, body: string, footer: boolean): string {
  const w = words(locale).accountMail;
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(w.portalName)}</title></head>` +
    `<body style="font-family:Arial,Helvetica,sans-serif;color:#1a1b1e;line-height:1.5;max-width:640px;margin:0 auto;padding:16px">` +
    `<p style="color:#611232;font-weight:bold">${escapeHtml(w.portalName)}</p>${body}` +
    (footer ? `<p style="color:#5c5f66;font-size:12px">${escapeHtml(w.preferencesFooter)}</p>` : '') +
    '</body></html>'
  );
}

const button = (href: string, label: string) =>
  `<p><a href="${escapeHtml(href)}" style="display:inline-block;background:#611232;color:#ffffff;padding:10px 16px;border-radius:4px;text-decoration:none">${escapeHtml(label)}</a></p>`;

/** The password reset e-mail, in the person's language: the single-use link and what it does. */
export function renderPasswordResetMail(input: { locale: Locale; name: string; link: string }): RenderedMail {
  const w = words(input.locale).accountMail;
  const facts = { name: input.name, minutes: PASSWORD_RESET_TTL_MS / 60_000 };
  const text = [w.greeting(input), '', w.resetIntro(facts), '', input.link, '', w.resetIgnore, '', '—', w.portalName].join('\n');
  const html = layout(
    input.locale,
    `<p>${escapeHtml(w.greeting(input))}</p><p>${escapeHtml(w.resetIntro(facts))}</p>${button(input.link, w.resetAction)}` +
      `<p style="font-size:12px;word-break:break-all"><a href="${escapeHtml(input.link)}">${escapeHtml(input.link)}</a></p><p>${escapeHtml(w.resetIgnore)}</p>`,
    false,
  );
  return { subject: w.resetSubject, text, html };
}

/**
 * One line of a digest: the notification's title as its reader may see it now, with the portal
 * link; `restricted` (a TLP:RED matter) says only that there is news, never what it is.
 */
export interface DigestItem {
  title: string;
  link: string | null;
  restricted: boolean;
}

export function renderDigestMail(input: { locale: Locale; name: string; day: string; items: readonly DigestItem[]; portalUrl: string }): RenderedMail {
  const w = words(input.locale).accountMail;
  const facts = { name: input.name, day: input.day, count: input.items.length };
  const base = input.portalUrl.replace(/\/+$/, '');
  const lines = input.items.map((item) => ({
    title: item.restricted ? w.digestRestricted : item.title,
    href: `${base}${item.link ?? '/'}`,
  }));
  const text = [
    w.greeting(input),
    '',
    w.digestIntro(facts),
    '',
    ...lines.map((l) => `- ${l.title}\n  ${l.href}`),
    '',
    `${w.digestOpen}: ${base}/`,
    '',
    '—',
    w.preferencesFooter,
  ].join('\n');
  const html = layout(
    input.locale,
    `<p>${escapeHtml(w.greeting(input))}</p><p>${escapeHtml(w.digestIntro(facts))}</p><ul>` +
      lines.map((l) => `<li><a href="${escapeHtml(l.href)}">${escapeHtml(l.title)}</a></li>`).join('') +
      `</ul>${button(`${base}/`, w.digestOpen)}`,
    true,
  );
  return { subject: w.digestSubject(facts), text, html };
}
