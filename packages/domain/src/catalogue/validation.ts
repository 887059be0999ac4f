import type { Area } from './types.ts';

/**
 * Words for every validation key (the zod schemas' custom messages) and every error reason
 * (`DomainError.reason`, packages/domain/src/errors.ts) the domain and the API emit, Spanish first.
 * `MessageKey` is the union of these keys: `DomainError` and `fieldErrors` take only those, so a
 * misspelt reason fails tsc. The API answers in the caller's language with these; the portal's
 * forms use the same.
 */
export const VALIDATION_WORDS = {
  // validation keys (used as zod messages in the schemas)
  required: { 'es-MX': 'Este campo es obligatorio.', en: 'This field is required.' },
  too_short: { 'es-MX': 'Es demasiado corto.', en: 'It is too short.' },
  too_long: { 'es-MX': 'Es demasiado largo.', en: 'It is too long.' },
  invalid_characters: {
    'es-MX': 'Contiene caracteres que no se pueden guardar (un carácter nulo o un símbolo incompleto); quítalos.',
    en: 'It contains characters that cannot be stored (a null character or a broken symbol); remove them.',
  },
  invalid_text: {
    'es-MX': 'Algún texto contiene caracteres que no se pueden guardar; revisa lo que escribiste o pegaste.',
    en: 'Some text contains characters that cannot be stored; check what you typed or pasted.',
  },
  invalid_email: { 'es-MX': 'Escribe un correo válido, por ejemplo nombre@dependencia.gob.mx.', en: 'Enter a valid e-mail, e.g. name@agency.gob.mx.' },
  invalid_id: { 'es-MX': 'El identificador no es válido.', en: 'The identifier is not valid.' },
  invalid_option: { 'es-MX': 'Elige una de las opciones de la lista.', en: 'Choose one of the listed options.' },
  invalid_cursor: { 'es-MX': 'La página solicitada no es válida.', en: 'The requested page is not valid.' },
  invalid_limit: { 'es-MX': 'El límite debe ser un número entero mayor que cero.', en: 'The limit must be a whole number greater than zero.' },
  not_acceptable: {
    'es-MX': 'Esta ruta responde solo application/taxii+json;version=2.1.',
    en: 'This route answers application/taxii+json;version=2.1 only.',
  },
  invalid_agency_code: {
    'es-MX': 'Usa de 2 a 16 letras mayúsculas, dígitos o guiones, comenzando con letra (p. ej. SEDENA).',
    en: 'Use 2 to 16 capital letters, digits or hyphens, starting with a letter (e.g. SEDENA).',
  },
  password_too_short: {
    'es-MX': 'La contraseña debe tener al menos 12 caracteres.',
    en: 'The password must be at least 12 characters long.',
  },
  password_too_common: {
    'es-MX': 'Esa contraseña es demasiado común o fácil de adivinar; elige otra.',
    en: 'That password is too common or easy to guess; choose another.',
  },
  // observables
  invalid_ipv4: {
    'es-MX': 'No es una dirección IPv4 válida (p. ej. 192.0.2.10): cuatro números de 0 a 255, sin ceros a la izquierda ni máscara.',
    en: 'Not a valid IPv4 address (e.g. 192.0.2.10): four numbers from 0 to 255, without leading zeros or a mask.',
  },
  invalid_ipv6: {
    'es-MX': 'No es una dirección IPv6 válida (p. ej. 2001:db8::1), sin zona (%eth0) ni máscara.',
    en: 'Not a valid IPv6 address (e.g. 2001:db8::1), without a zone (%eth0) or a mask.',
  },
  invalid_domain: {
    'es-MX': 'No es un nombre de dominio válido (p. ej. ejemplo.gob.mx).',
    en: 'Not a valid domain name (e.g. example.gob.mx).',
  },
  domain_is_ip: {
    'es-MX': 'Es una dirección IP, no un dominio; elige el tipo IPv4 o IPv6.',
    en: 'That is an IP address, not a domain; choose the IPv4 or IPv6 type.',
  },
  invalid_url: {
    'es-MX': 'No es una URL válida: debe comenzar con http://, https:// o ftp:// e incluir un servidor, sin espacios (p. ej. https://ejemplo.com/ruta).',
    en: 'Not a valid URL: it must start with http://, https:// or ftp:// and include a host, without spaces (e.g. https://example.com/path).',
  },
  hash_not_hex: {
    'es-MX': 'Un hash solo lleva dígitos del 0 al 9 y letras de la a a la f.',
    en: 'A hash contains only the digits 0 to 9 and the letters a to f.',
  },
  md5_wrong_length: {
    'es-MX': 'Un MD5 tiene exactamente 32 caracteres hexadecimales; revisa que esté completo o elige otro tipo de hash.',
    en: 'An MD5 hash has exactly 32 hexadecimal characters; check that it is complete or choose another hash type.',
  },
  sha1_wrong_length: {
    'es-MX': 'Un SHA-1 tiene exactamente 40 caracteres hexadecimales; revisa que esté completo o elige otro tipo de hash.',
    en: 'A SHA-1 hash has exactly 40 hexadecimal characters; check that it is complete or choose another hash type.',
  },
  sha256_wrong_length: {
    'es-MX': 'Un SHA-256 tiene exactamente 64 caracteres hexadecimales; revisa que esté completo o elige otro tipo de hash.',
    en: 'A SHA-256 hash has exactly 64 hexadecimal characters; check that it is complete or choose another hash type.',
  },
  invalid_cve: {
    'es-MX': 'No es un identificador CVE válido (p. ej. CVE-2024-3094).',
    en: 'Not a valid CVE identifier (e.g. CVE-2024-3094).',
  },
  too_many_observables: {
    'es-MX': 'Se permiten como máximo 500 indicadores por incidente.',
    en: 'At most 500 indicators are allowed per incident.',
  },
  // API clients
  scopes_required: { 'es-MX': 'Elige al menos un permiso.', en: 'Choose at least one scope.' },
  scopes_repeated: { 'es-MX': 'Cada permiso se elige una sola vez.', en: 'Each scope is chosen only once.' },
  expiry_in_past: { 'es-MX': 'La fecha de vencimiento debe ser futura.', en: 'The expiry date must be in the future.' },
  api_client_agency_is_anc: {
    'es-MX': 'Una integración actúa como personal de una dependencia; elige una dependencia que no sea la ANC.',
    en: 'An integration acts as an agency’s staff; choose an agency other than the ANC.',
  },
  // error reasons (DomainError.reason)
  not_signed_in: { 'es-MX': 'Tu sesión terminó. Vuelve a iniciar sesión.', en: 'Your session has ended. Please sign in again.' },
  invalid_credentials: { 'es-MX': 'Correo o contraseña incorrectos.', en: 'Incorrect e-mail or password.' },
  too_many_attempts: {
    'es-MX': 'Demasiados intentos fallidos. Espera unos minutos antes de volver a intentar.',
    en: 'Too many failed attempts. Wait a few minutes before trying again.',
  },
  foreign_origin: {
    'es-MX': 'La solicitud viene de otro sitio y fue rechazada.',
    en: 'The request comes from another site and was refused.',
  },
  role_not_allowed: { 'es-MX': 'Tu rol no permite esta acción.', en: 'Your role does not allow this action.' },
  scope_missing: {
    'es-MX': 'El token de esta integración no tiene el permiso que requiere esta acción.',
    en: 'This integration’s token lacks the scope this action needs.',
  },
  invalid_token: {
    'es-MX': 'El token no es válido, venció o fue revocado.',
    en: 'The token is not valid, has expired or was revoked.',
  },
  idempotency_key_reused: {
    'es-MX': 'Esta Idempotency-Key ya se usó con otro contenido; usa una clave nueva para otra solicitud.',
    en: 'This Idempotency-Key was already used with a different body; use a new key for another request.',
  },
  invalid_idempotency_key: {
    'es-MX': 'La Idempotency-Key debe tener de 1 a 200 caracteres ASCII visibles.',
    en: 'The Idempotency-Key must be 1 to 200 visible ASCII characters.',
  },
  token_required: {
    'es-MX': 'Esta ruta requiere un token de integración (Authorization: Bearer).',
    en: 'This route needs an integration token (Authorization: Bearer).',
  },
  rate_limited: {
    'es-MX': 'Demasiadas solicitudes de esta integración; espera antes de volver a intentar.',
    en: 'Too many requests from this integration; wait before trying again.',
  },
  invalid_json: { 'es-MX': 'El cuerpo de la solicitud no es JSON válido.', en: 'The request body is not valid JSON.' },
  not_found: { 'es-MX': 'No existe o no tienes acceso.', en: 'It does not exist or you have no access to it.' },
  email_taken: { 'es-MX': 'Ya existe una cuenta con ese correo.', en: 'An account with that e-mail already exists.' },
  agency_code_taken: { 'es-MX': 'Ya existe una dependencia con esa clave.', en: 'An agency with that code already exists.' },
  agency_inactive: { 'es-MX': 'La dependencia está desactivada.', en: 'The agency is deactivated.' },
  staff_not_in_anc: {
    'es-MX': 'El personal de dependencia no puede pertenecer a la ANC; elige su dependencia.',
    en: 'Agency staff cannot belong to the ANC; choose their agency.',
  },
  anc_role_outside_anc: {
    'es-MX': 'Coordinadores y administradores pertenecen a la ANC.',
    en: 'Coordinators and administrators belong to the ANC.',
  },
  anc_agency_locked: {
    'es-MX': 'La ANC no puede desactivarse ni cambiar de tipo.',
    en: 'The ANC cannot be deactivated or change its kind.',
  },
  cannot_change_own_account: {
    'es-MX': 'No puedes desactivar tu propia cuenta ni quitarte el rol de administrador.',
    en: 'You cannot deactivate your own account or remove your own administrator role.',
  },
  wrong_current_password: { 'es-MX': 'La contraseña actual no es correcta.', en: 'The current password is not correct.' },
  reset_link_invalid: {
    'es-MX': 'El enlace para restablecer la contraseña no es válido, ya se usó o venció (dura 30 minutos). Pide uno nuevo.',
    en: 'The password reset link is not valid, was already used or has expired (it lasts 30 minutes). Ask for a new one.',
  },
  // second factors (docs/API.md "MFA")
  mfa_enrollment_required: {
    'es-MX': 'Tu rol requiere un segundo factor. Configúralo en Seguridad de la cuenta antes de continuar.',
    en: 'Your role requires a second factor. Set it up in Account security before continuing.',
  },
  mfa_sign_in_expired: {
    'es-MX': 'La verificación tardó demasiado o ya se usó. Vuelve a escribir tu correo y contraseña.',
    en: 'The verification took too long or was already used. Enter your e-mail and password again.',
  },
  invalid_mfa_code: {
    'es-MX': 'El código no es correcto o ya se usó. Escribe el código actual de tu aplicación o un código de recuperación.',
    en: 'The code is not correct or was already used. Enter the current code of your app or a recovery code.',
  },
  totp_already_enabled: {
    'es-MX': 'Ya tienes una aplicación de autenticación configurada. Desactívala antes de configurar otra.',
    en: 'You already have an authenticator app set up. Turn it off before setting up another.',
  },
  totp_not_started: {
    'es-MX': 'Primero genera la clave de configuración (paso 1).',
    en: 'First generate the set-up key (step 1).',
  },
  mfa_not_enabled: {
    'es-MX': 'Tu cuenta no tiene un segundo factor configurado.',
    en: 'Your account has no second factor set up.',
  },
  too_many_reset_requests: {
    'es-MX': 'Se pidieron demasiados correos de restablecimiento. Espera unos minutos antes de pedir otro.',
    en: 'Too many reset e-mails were requested. Wait a few minutes before asking for another.',
  },
  // passkeys (WebAuthn)
  passkey_invalid: {
    'es-MX': 'La llave de acceso no respondió como se esperaba y no se aceptó. Inténtalo de nuevo.',
    en: 'The passkey did not answer as expected and was not accepted. Try again.',
  },
  passkey_challenge_invalid: {
    'es-MX': 'La solicitud a la llave de acceso venció o ya se usó (dura 5 minutos). Inténtalo de nuevo.',
    en: 'The request to the passkey expired or was already used (it lasts 5 minutes). Try again.',
  },
  passkey_limit: {
    'es-MX': 'Tu cuenta ya tiene 10 llaves de acceso, el máximo. Quita una antes de registrar otra.',
    en: 'Your account already has 10 passkeys, the maximum. Remove one before registering another.',
  },
  passkey_already_registered: {
    'es-MX': 'Esa llave de acceso ya está registrada.',
    en: 'That passkey is already registered.',
  },
  passkey_not_accepted: {
    'es-MX': 'La llave de acceso no se aceptó: no es una de tu cuenta, se canceló o ya se había usado esa solicitud. Inténtalo de nuevo o usa otro factor.',
    en: 'The passkey was not accepted: it is not one of your account, it was cancelled or that request was already used. Try again or use another factor.',
  },
  passkey_unknown: {
    'es-MX': 'Esa llave de acceso no está registrada en tu cuenta.',
    en: 'That passkey is not registered to your account.',
  },
  // incidents
  invalid_datetime: { 'es-MX': 'Escribe una fecha y hora válidas.', en: 'Enter a valid date and time.' },
  date_in_future: { 'es-MX': 'La fecha no puede estar en el futuro.', en: 'The date cannot be in the future.' },
  aware_before_detected: {
    'es-MX': 'La fecha en que la dependencia tuvo conocimiento no puede ser anterior a la detección.',
    en: 'The date the agency became aware cannot be earlier than the detection.',
  },
  invalid_money: {
    'es-MX': 'Escribe un monto en pesos, p. ej. 1500000.00 (hasta dos decimales).',
    en: 'Enter an amount in pesos, e.g. 1500000.00 (up to two decimals).',
  },
  invalid_number: { 'es-MX': 'Escribe un número entero igual o mayor que cero.', en: 'Enter a whole number, zero or more.' },
  invalid_severity: { 'es-MX': 'Elige un nivel de severidad del 0 al 5.', en: 'Choose a severity level from 0 to 5.' },
  too_big: { 'es-MX': 'El valor es demasiado grande.', en: 'The value is too large.' },
  too_many: { 'es-MX': 'Hay demasiados elementos.', en: 'There are too many items.' },
  rsit_type_mismatch: { 'es-MX': 'Ese tipo no pertenece a la clase elegida.', en: 'That type does not belong to the chosen class.' },
  records_without_personal_data: {
    'es-MX': 'Indica que hubo datos personales afectados antes de estimar los registros.',
    en: 'Mark personal data as affected before estimating the records.',
  },
  reason_required: { 'es-MX': 'Explica el motivo.', en: 'Give the reason.' },
  merge_target_required: { 'es-MX': 'Elige el incidente al que se fusiona.', en: 'Choose the incident to merge into.' },
  share_target_required: { 'es-MX': 'Elige al menos una dependencia o comparte con todas.', en: 'Choose at least one agency, or share with all.' },
  incident_transition_not_allowed: {
    'es-MX': 'El incidente no puede pasar a ese estado desde su estado actual.',
    en: 'The incident cannot move to that status from its current status.',
  },
  incident_transition_coordinator_only: {
    'es-MX': 'Solo la coordinación de la ANC cambia el estado de un incidente.',
    en: 'Only ANC coordinators change the status of an incident.',
  },
  merge_into_self: { 'es-MX': 'Un incidente no puede fusionarse consigo mismo.', en: 'An incident cannot be merged into itself.' },
  merge_target_not_open: {
    'es-MX': 'El incidente destino ya fue rechazado o fusionado; elige otro.',
    en: 'The target incident was already rejected or merged; choose another.',
  },
  incident_gone: {
    'es-MX': 'El incidente fue rechazado o fusionado; ya no admite cambios.',
    en: 'The incident was rejected or merged; it no longer accepts changes.',
  },
  incident_edit_after_triage: {
    'es-MX': 'La ANC ya clasificó el reporte; agrega una actualización en lugar de editarlo.',
    en: 'The ANC has already triaged the report; add an update instead of editing it.',
  },
  incident_finished: { 'es-MX': 'El incidente está cerrado; ya no admite actualizaciones.', en: 'The incident is closed; it no longer accepts updates.' },
  note_visibility_not_allowed: {
    'es-MX': 'Solo la ANC escribe notas visibles únicamente para la ANC.',
    en: 'Only the ANC writes notes visible to the ANC alone.',
  },
  tlp_red_not_shareable: {
    'es-MX': 'TLP:RED no se comparte fuera de la dependencia que reportó.',
    en: 'TLP:RED is never shared beyond the reporting agency.',
  },
  tlp_amber_named_only: {
    'es-MX': 'TLP:AMBER y AMBER+STRICT solo se comparten con dependencias nombradas, no con todas.',
    en: 'TLP:AMBER and AMBER+STRICT are shared only with named agencies, not with all.',
  },
  share_target_invalid: {
    'es-MX': 'No se comparte con la dependencia que reportó ni con la ANC, ni con dependencias desactivadas.',
    en: 'Incidents are not shared with the reporting agency, the ANC or deactivated agencies.',
  },
  too_many_observables_total: {
    'es-MX': 'Un incidente admite como máximo 500 indicadores.',
    en: 'An incident holds at most 500 indicators.',
  },
  // evidence files (packages/domain/src/files/files.ts)
  too_many_files: {
    'es-MX': 'Un incidente o una tarea admite como máximo 50 archivos de evidencia; quita alguno antes de subir otro.',
    en: 'An incident or a task holds at most 50 evidence files; remove one before uploading another.',
  },
  file_too_large: { 'es-MX': 'El archivo pesa más de 25 MiB, el máximo por archivo.', en: 'The file is larger than 25 MiB, the most a file may be.' },
  file_required: { 'es-MX': 'Adjunta un archivo en el campo «file».', en: 'Attach a file in the «file» field.' },
  file_remove_not_allowed: {
    'es-MX': 'Solo la dependencia que subió el archivo o la ANC pueden quitarlo.',
    en: 'Only the agency that uploaded the file or the ANC may remove it.',
  },
  report_already_submitted: { 'es-MX': 'Ese reporte ya fue presentado.', en: 'That report was already submitted.' },
  notification_required_first: {
    'es-MX': 'Presenta primero la notificación del incidente; después el reporte final.',
    en: 'Submit the incident notification first, then the final report.',
  },
  // bulk actions and saved filters (incidents/bulk.ts, lists/saved-filters.ts)
  bulk_selection_required: {
    'es-MX': 'Elige los incidentes (o todos los que cumplen el filtro) a los que se aplica la acción.',
    en: 'Choose the incidents (or all matching the filter) the action applies to.',
  },
  bulk_too_many: {
    'es-MX': 'Una acción masiva abarca a lo más 500 incidentes; acota el filtro.',
    en: 'A bulk action covers at most 500 incidents; narrow the filter.',
  },
  bulk_item_failed: { 'es-MX': 'No se pudo completar en este incidente; vuelve a intentarlo.', en: 'It could not be completed on this incident; try again.' },
  saved_filters_limit: {
    'es-MX': 'Tienes el máximo de 50 filtros guardados en esta lista; borra alguno antes de guardar otro.',
    en: 'You have the maximum of 50 saved filters on this list; delete one before saving another.',
  },
  stale_version: {
    'es-MX': 'Alguien más modificó este registro mientras lo veías. Revisa los cambios y vuelve a intentarlo.',
    en: 'Someone else changed this record while you were viewing it. Review the changes and try again.',
  },
  unknown_agency: { 'es-MX': 'Esa dependencia no existe o está desactivada.', en: 'That agency does not exist or is deactivated.' },
  staff_files_for_own_agency: {
    'es-MX': 'El personal de una dependencia solo reporta incidentes de su propia dependencia.',
    en: 'Agency staff report incidents of their own agency only.',
  },
  owner_not_coordinator: {
    'es-MX': 'El responsable debe ser un coordinador activo de la ANC.',
    en: 'The owner must be an active ANC coordinator.',
  },
  share_not_found: { 'es-MX': 'El incidente no estaba compartido con esa dependencia.', en: 'The incident was not shared with that agency.' },
  agency_required: { 'es-MX': 'Elige la dependencia que reporta.', en: 'Choose the reporting agency.' },
  // tasks
  due_in_past: { 'es-MX': 'La fecha límite ya pasó; elige una fecha futura.', en: 'The due date has already passed; choose a future date.' },
  task_one_link_only: {
    'es-MX': 'Una tarea se vincula a un incidente o a una iniciativa, no a ambos.',
    en: 'A task links to an incident or to an initiative, not both.',
  },
  // playbooks (packages/domain/src/schemas/playbooks.ts)
  playbook_steps_required: { 'es-MX': 'Agrega al menos un paso al playbook.', en: 'Add at least one step to the playbook.' },
  playbook_too_many_steps: { 'es-MX': 'Un playbook admite como máximo 20 pasos.', en: 'A playbook holds at most 20 steps.' },
  due_after_hours_invalid: {
    'es-MX': 'Escribe el plazo en horas: un número entero mayor que cero.',
    en: 'Enter the deadline in hours: a whole number greater than zero.',
  },
  due_after_hours_too_long: { 'es-MX': 'El plazo no puede pasar de 8760 horas (un año).', en: 'The deadline cannot exceed 8760 hours (one year).' },
  playbook_class_taken: {
    'es-MX': 'Esa clase ya tiene un playbook; edítalo en lugar de crear otro.',
    en: 'That class already has a playbook; edit it instead of creating another.',
  },
  playbook_not_found: { 'es-MX': 'Ese playbook no existe.', en: 'That playbook does not exist.' },
  playbook_already_applied: {
    'es-MX': 'Ese playbook ya se aplicó a este incidente; sus tareas ya existen.',
    en: 'That playbook was already applied to this incident; its tasks already exist.',
  },
  playbook_changed: {
    'es-MX': 'El playbook cambió mientras lo veías. Revisa sus pasos y vuelve a intentarlo.',
    en: 'The playbook changed while you were viewing it. Review its steps and try again.',
  },
  playbook_incident_closed: {
    'es-MX': 'El incidente está cerrado, rechazado o fusionado; ya no se le aplican playbooks.',
    en: 'The incident is closed, rejected or merged; playbooks are no longer applied to it.',
  },
  comment_required: { 'es-MX': 'Escribe un comentario para la dependencia.', en: 'Write a comment for the agency.' },
  task_transition_not_allowed: {
    'es-MX': 'La tarea no puede pasar a ese estado desde su estado actual.',
    en: 'The task cannot move to that status from its current status.',
  },
  task_transition_coordinator_only: {
    'es-MX': 'Solo la coordinación de la ANC puede dar ese paso (revisar, devolver, cancelar o reabrir).',
    en: 'Only ANC coordinators can take that step (review, return, cancel or reopen).',
  },
  task_transition_assignee_only: {
    'es-MX': 'Solo el personal de la dependencia asignada puede dar ese paso.',
    en: 'Only staff of the assigned agency can take that step.',
  },
  task_closed: {
    'es-MX': 'La tarea está terminada o cancelada; reábrela antes de cambiarla.',
    en: 'The task is done or cancelled; reopen it before changing it.',
  },
  task_cancelled: { 'es-MX': 'La tarea está cancelada.', en: 'The task is cancelled.' },
  assignee_not_in_agency: {
    'es-MX': 'Esa persona no pertenece a la dependencia asignada.',
    en: 'That person does not belong to the assigned agency.',
  },
  assignee_not_staff: {
    'es-MX': 'Solo el personal de una dependencia puede ser responsable de una tarea.',
    en: "Only an agency's staff can be responsible for a task.",
  },
  user_inactive: { 'es-MX': 'Esa cuenta está desactivada.', en: 'That account is deactivated.' },
  initiative_not_found: { 'es-MX': 'Esa iniciativa no existe.', en: 'That initiative does not exist.' },
  // initiatives (master-plan registry)
  invalid_initiative_code: {
    'es-MX': 'Usa una clave como PN-2027-004: de 2 a 6 letras, el año y un número de tres dígitos.',
    en: 'Use a code like PN-2027-004: 2 to 6 letters, the year and a three-digit number.',
  },
  initiative_code_taken: { 'es-MX': 'Ya existe una iniciativa con esa clave.', en: 'An initiative with that code already exists.' },
  invalid_date: { 'es-MX': 'Escribe una fecha válida (AAAA-MM-DD).', en: 'Enter a valid date (YYYY-MM-DD).' },
  end_before_start: { 'es-MX': 'La fecha de término no puede ser anterior a la de inicio.', en: 'The end date cannot be earlier than the start date.' },
  invalid_decimal: {
    'es-MX': 'Escribe un número, p. ej. 1250.5 (hasta cuatro decimales).',
    en: 'Enter a number, e.g. 1250.5 (up to four decimals).',
  },
  initiative_transition_not_allowed: {
    'es-MX': 'La iniciativa no puede pasar a ese estado desde su estado actual.',
    en: 'The initiative cannot move to that status from its current status.',
  },
  initiative_admin_only: {
    'es-MX': 'Solo la administración de la ANC gestiona el registro de iniciativas.',
    en: 'Only ANC administrators manage the initiative registry.',
  },
  initiative_lead_agency_only: {
    'es-MX': 'Solo el personal de la dependencia líder registra el avance de esta iniciativa.',
    en: 'Only staff of the lead agency record the progress of this initiative.',
  },
  initiative_closed: {
    'es-MX': 'La iniciativa está concluida o cancelada; ya no admite cambios en hitos ni indicadores.',
    en: 'The initiative is completed or cancelled; its milestones and indicators no longer change.',
  },
  initiative_milestones_open: {
    'es-MX': 'Quedan hitos pendientes: márcalos como cumplidos antes de concluir la iniciativa, o cancélala.',
    en: 'Some milestones are still open: mark them done before completing the initiative, or cancel it.',
  },
  milestone_already_done: { 'es-MX': 'Ese hito ya estaba marcado como cumplido.', en: 'That milestone was already marked done.' },
  milestone_not_done: { 'es-MX': 'Ese hito no está marcado como cumplido.', en: 'That milestone is not marked done.' },
  too_many_milestones: { 'es-MX': 'Una iniciativa admite como máximo 100 hitos.', en: 'An initiative holds at most 100 milestones.' },
  too_many_kpis: { 'es-MX': 'Una iniciativa admite como máximo 30 indicadores.', en: 'An initiative holds at most 30 indicators.' },
  // institutional directory (packages/domain/src/directory/)
  invalid_mx_phone: {
    'es-MX': 'Escribe un teléfono de México válido de 10 dígitos, por ejemplo 55 1234 5678 o +52 55 1234 5678.',
    en: 'Enter a valid 10-digit Mexican phone number, e.g. 55 1234 5678 or +52 55 1234 5678.',
  },
  // advisories (alertas)
  advisory_audience_required: { 'es-MX': 'Elige al menos una dependencia destinataria.', en: 'Choose at least one addressed agency.' },
  advisory_tlp_named_only: {
    'es-MX': 'Con TLP:AMBER, AMBER+STRICT o RED la alerta va solo a dependencias nombradas, no a todas.',
    en: 'With TLP:AMBER, AMBER+STRICT or RED the advisory goes to named agencies only, not to all.',
  },
  advisory_audience_both: {
    'es-MX': 'Elige "todas las dependencias" o dependencias nombradas, no ambas.',
    en: 'Choose "all agencies" or named agencies, not both.',
  },
  advisory_transition_not_allowed: {
    'es-MX': 'La alerta no puede pasar a ese estado desde su estado actual.',
    en: 'The advisory cannot move to that state from its current state.',
  },
  advisory_tlp_below_incident: {
    'es-MX': 'La alerta no puede tener un TLP menos restrictivo que el incidente del que proviene.',
    en: 'The advisory cannot carry a less restrictive TLP than the incident it comes from.',
  },
  advisory_beyond_incident_readers: {
    'es-MX': 'El TLP del incidente de origen no permite dirigir la alerta a esas dependencias.',
    en: "The source incident's TLP does not allow addressing the advisory to those agencies.",
  },
  advisory_not_draft: { 'es-MX': 'Solo se edita una alerta en borrador.', en: 'Only a draft advisory can be edited.' },
  advisory_not_published: {
    'es-MX': 'Solo se responde una alerta publicada (esta ya se cerró).',
    en: 'Only a published advisory can be answered (this one is closed).',
  },
  invalid_input: { 'es-MX': 'Revisa los campos marcados.', en: 'Check the highlighted fields.' },
  internal: { 'es-MX': 'Ocurrió un error inesperado. Intenta de nuevo.', en: 'An unexpected error occurred. Please try again.' },
} as const satisfies Area;

export type MessageKey = keyof typeof VALIDATION_WORDS;

type Bound = number | bigint | undefined;

/**
 * Zod's built-in issues (a schema check without a custom message), by code and, for sizes, by
 * what was measured: `localizeIssue` (messages.ts) picks one, so a person reads the same sentence
 * from the form and from the API.
 */
export const ISSUE_WORDS = {
  invalid_type: { 'es-MX': 'Este campo es obligatorio o tiene un tipo incorrecto.', en: 'This field is required or has the wrong type.' },
  too_small_string: { 'es-MX': (n: Bound) => `Escribe al menos ${n} caracteres.`, en: (n: Bound) => `Enter at least ${n} characters.` },
  too_small_array: { 'es-MX': (n: Bound) => `Agrega al menos ${n} elementos.`, en: (n: Bound) => `Add at least ${n} items.` },
  too_small_value: { 'es-MX': (n: Bound) => `El valor mínimo es ${n}.`, en: (n: Bound) => `The minimum is ${n}.` },
  too_big_string: { 'es-MX': (n: Bound) => `Escribe como máximo ${n} caracteres.`, en: (n: Bound) => `Enter at most ${n} characters.` },
  too_big_array: { 'es-MX': (n: Bound) => `Se permiten como máximo ${n} elementos.`, en: (n: Bound) => `At most ${n} items are allowed.` },
  too_big_value: { 'es-MX': (n: Bound) => `El valor máximo es ${n}.`, en: (n: Bound) => `The maximum is ${n}.` },
  invalid_format: { 'es-MX': 'El formato no es válido.', en: 'The format is not valid.' },
  unrecognized_keys: { 'es-MX': 'Contiene campos desconocidos.', en: 'It contains unknown fields.' },
  invalid: { 'es-MX': 'El valor no es válido.', en: 'The value is not valid.' },
} as const satisfies Area;
