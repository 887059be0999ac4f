import type { accountEsMX } from './account.es-MX.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** `account.*` in English, typed against the Spanish file. */
export const accountEn: Shape<typeof accountEsMX> = {
  forgot: {
    link: 'Forgot your password?',
    pageTitle: 'Reset password',
    title: 'Forgot your password?',
    intro: 'Enter your institutional e-mail. If it has an account on the portal, we will send you a link to choose a new password; it lasts 30 minutes and works only once.',
    submit: 'Send the link',
    sentTitle: 'Check your e-mail',
    sent: 'If {{email}} has an account on the portal, you will receive the link in a few minutes. Check your spam folder too.',
    throttledTitle: 'Wait a few minutes',
    backToSignIn: 'Back to sign in',
  },
  reset: {
    pageTitle: 'Choose a new password',
    title: 'Choose a new password',
    intro: 'Saving it ends every open session of your account, on every device.',
    password: 'New password',
    confirm: 'Confirm the new password',
    mismatch: 'The passwords do not match.',
    submit: 'Save the password',
    invalidTitle: 'The link no longer works',
    requestAnother: 'Ask for a new link',
    doneTitle: 'Password reset',
    done: 'Your password changed and every session of yours was ended. Sign in with the new password.',
  },
  preferences: {
    menu: 'Notifications',
    pageTitle: 'Notifications',
    title: 'Notifications',
    subtitle: 'How the portal tells you outside it, by e-mail. The portal’s bell always shows all your notifications.',
    email: 'Receive notifications by e-mail',
    emailHint: 'To {{email}}. Never includes TLP:RED content: the e-mail only says there is news.',
    delivery: 'When',
    immediate: 'One e-mail per notification',
    immediateHint: 'As it happens: a task assigned, an incident shared, a deadline coming up.',
    daily: 'A daily digest',
    dailyHint: 'A single e-mail at 08:00 Mexico City time, with the notifications since the previous one.',
    save: 'Save preferences',
    saved: 'Your notification preferences were saved.',
    allNotifications: 'See all my notifications',
  },
};
