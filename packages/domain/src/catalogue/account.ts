import type { Bilingual } from './types.ts';

/** What the reset e-mail needs: the person's name and the link (valid `minutes`). */
export interface ResetMailFacts {
  name: string;
  minutes: number;
}

/** What the digest's heading needs: the person's name, the Mexico City day and how many notifications. */
export interface DigestFacts {
  name: string;
  day: string;
  count: number;
}

/**
 * The words of the e-mails about a person's own account (issue 12 points 4 and 5): the password
 * reset link and the daily digest. Rendered by packages/domain/src/account/account-mail.ts.
 */
export const ACCOUNT_MAIL_WORDS = {
  portalName: { 'es-MX': 'Portal de coordinación de la ANC', en: 'ANC coordination portal' },
  greeting: { 'es-MX': (f: { name: string }) => `Hola, ${f.name}:`, en: (f: { name: string }) => `Hello ${f.name},` },
  resetSubject: { 'es-MX': 'Restablece tu contraseña del portal de la ANC', en: 'Reset your ANC portal password' },
  resetIntro: {
    'es-MX': (f: ResetMailFacts) =>
      `Alguien (esperamos que tú) pidió restablecer la contraseña de tu cuenta. Abre este enlace en los próximos ${f.minutes} minutos para elegir una nueva; solo funciona una vez.`,
    en: (f: ResetMailFacts) =>
      `Someone (we hope you) asked to reset the password of your account. Open this link within the next ${f.minutes} minutes to choose a new one; it works only once.`,
  },
  resetAction: { 'es-MX': 'Elegir una contraseña nueva', en: 'Choose a new password' },
  resetIgnore: {
    'es-MX': 'Si no lo pediste, ignora este correo: tu contraseña no cambia. Al elegir una nueva se cierran todas las sesiones abiertas de tu cuenta.',
    en: 'If you did not ask for it, ignore this e-mail: your password does not change. Choosing a new one ends every open session of your account.',
  },
  digestSubject: {
    'es-MX': (f: DigestFacts) => `Resumen diario del portal de la ANC (${f.day}): ${f.count} ${f.count === 1 ? 'aviso' : 'avisos'}`,
    en: (f: DigestFacts) => `ANC portal daily digest (${f.day}): ${f.count} ${f.count === 1 ? 'notification' : 'notifications'}`,
  },
  digestIntro: {
    'es-MX': (f: DigestFacts) => `Estos son tus avisos desde el último resumen (${f.count}).`,
    en: (f: DigestFacts) => `These are your notifications since the last digest (${f.count}).`,
  },
  digestRestricted: {
    'es-MX': 'Hay novedades de un asunto TLP:RED; consúltalas en el portal.',
    en: 'There is news about a TLP:RED matter; read it in the portal.',
  },
  digestOpen: { 'es-MX': 'Abrir el portal', en: 'Open the portal' },
  preferencesFooter: {
    'es-MX': 'Recibes este correo por tus preferencias de notificación; cámbialas en el portal, menú de usuario → Notificaciones.',
    en: 'You receive this e-mail because of your notification preferences; change them in the portal, user menu → Notifications.',
  },
} as const satisfies {
  readonly [key: string]:
    Bilingual<string> | Bilingual<(f: { name: string }) => string> | Bilingual<(f: ResetMailFacts) => string> | Bilingual<(f: DigestFacts) => string>;
};
