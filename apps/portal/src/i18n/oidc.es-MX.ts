/** Single sign-on through the agency's identity provider (OpenID Connect), on the sign-in page. */
export const oidcEsMX = {
  button: 'Ingresar con la cuenta institucional',
  or: 'o con tu correo y contraseña',
  errorTitle: 'No fue posible ingresar con la cuenta institucional',
  errors: {
    expired: 'El inicio de sesión tardó demasiado o se abrió en otra pestaña. Vuelve a intentarlo.',
    mismatch: 'La respuesta del proveedor de identidad no corresponde a este inicio de sesión. Vuelve a intentarlo desde esta página.',
    provider_refused: 'El proveedor de identidad no autorizó el acceso (quizá se canceló). Vuelve a intentarlo.',
    unavailable: 'No fue posible comunicarse con el proveedor de identidad. Intenta más tarde o ingresa con tu correo y contraseña.',
    email_unverified: 'El proveedor de identidad no confirma que el correo de tu cuenta esté verificado. Pide a tu área de TI que lo verifique.',
    domain_not_allowed: 'El dominio de tu correo no está habilitado para ingresar con la cuenta institucional.',
    no_account: 'No hay una cuenta activa del portal para tu correo. Pide a la administración de la ANC que la cree o la reactive.',
  },
  audit: {
    signIn: 'Inicio de sesión con la cuenta institucional',
    signInFailed: 'Intento fallido con la cuenta institucional',
    provision: 'Cuenta creada al ingresar con la cuenta institucional',
  },
};
