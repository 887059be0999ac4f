import type { Bilingual } from './types.ts';

/** What the words of an e-mail are composed from (one shape for every phrase: see catalogue.test.ts). */
export interface MailPhrase {
  /** The recipient's name. */
  name: string;
  /** `TSK-2026-000042`, `INC-…`. */
  reference: string;
  /** What happened, in the recipient's language (a notification title). */
  headline: string;
  /** `TLP:AMBER`. */
  tlp: string;
}

/**
 * The words of the e-mail the portal sends (issue 12): subject, greeting, the link, the TLP note
 * and the footer, in every language. The message itself is put together by `renderNotificationMail`
 * (packages/domain/src/mail.ts), which escapes what goes into the HTML.
 */
export const MAIL_WORDS = {
  subject: {
    'es-MX': (p) => `[${p.tlp}] ${p.headline.includes(p.reference) ? p.headline : `${p.reference} · ${p.headline}`}`,
    en: (p) => `[${p.tlp}] ${p.headline.includes(p.reference) ? p.headline : `${p.reference} · ${p.headline}`}`,
  },
  red_headline: {
    'es-MX': (p) => `Hay novedades sobre ${p.reference}`,
    en: (p) => `There is news about ${p.reference}`,
  },
  greeting: {
    'es-MX': (p) => `Hola, ${p.name}:`,
    en: (p) => `Hello ${p.name},`,
  },
  red_body: {
    'es-MX': (p) =>
      `Hay novedades sobre ${p.reference} en el Portal de Coordinación de la ANC. Por estar clasificada ${p.tlp}, su contenido no se envía por correo: consúltala en el portal.`,
    en: (p) =>
      `There is news about ${p.reference} on the ANC coordination portal. Because it is ${p.tlp}, its content is not sent by e-mail: read it on the portal.`,
  },
  comment_label: { 'es-MX': 'Comentario:', en: 'Comment:' },
  open_link: { 'es-MX': 'Ábrelo en el portal:', en: 'Open it on the portal:' },
  open_button: { 'es-MX': 'Abrir en el portal', en: 'Open on the portal' },
  tlp_note: {
    'es-MX': (p) => `Clasificación: ${p.tlp}. No reenvíes este mensaje fuera de lo que su clasificación permite.`,
    en: (p) => `Classification: ${p.tlp}. Do not forward this message beyond what its classification allows.`,
  },
  footer: {
    'es-MX': 'Recibes este correo porque tienes una cuenta en el Portal de Coordinación de la Agencia Nacional de Ciberseguridad.',
    en: 'You receive this e-mail because you have an account on the coordination portal of the National Cybersecurity Agency.',
  },
} as const satisfies { readonly [key: string]: Bilingual<string> | Bilingual<(p: MailPhrase) => string> };
