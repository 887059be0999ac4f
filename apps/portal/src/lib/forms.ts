import { fieldErrorsFromIssues, messageFor, type Locale } from '@anc/domain';
import type { FormErrors } from '@mantine/form';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { errorMessage, readApiError } from './errors.ts';

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The value at a field path of zod's kind (`impact.records`, `observables.2.value`). */
function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = Reflect.get(node, key);
  }
  return node;
}

/**
 * A Mantine form validator from one of the domain's zod schemas: the same rules the API applies,
 * in the same words (`fieldErrorsFromIssues`). An empty field reads "required" rather than the
 * format complaint its schema would give (an empty agency is missing, not a malformed id).
 */
export function schemaValidator<Values extends object>(
  schema: z.ZodType,
  locale: () => Locale,
  options: {
    /** Form values → the schema's input (e.g. an empty select → null). */
    prepare?: (values: Values) => unknown;
    /** Checks the schema cannot express (e.g. two fields that must match). */
    extra?: (values: Values, locale: Locale) => FormErrors;
  } = {},
) {
  return (values: Values): FormErrors => {
    const lang = locale();
    const errors: FormErrors = {};
    const input = options.prepare ? options.prepare(values) : values;
    const result = schema.safeParse(input);
    if (!result.success) {
      for (const [path, messages] of Object.entries(fieldErrorsFromIssues(result.error.issues, lang))) {
        // Blank as the schema saw it: paths may be nested, and `prepare` may reshape the values.
        errors[path] = isBlank(valueAt(input, path)) ? messageFor('required', lang) : messages[0];
      }
    }
    if (options.extra) {
      for (const [path, message] of Object.entries(options.extra(values, lang))) errors[path] ??= message;
    }
    return errors;
  };
}

/**
 * Put the API's field errors under the matching fields. Returns the message to show above the
 * form for whatever is not tied to one of `fields` (or null when every problem has its field).
 */
export function applyServerError(form: { setErrors: (errors: FormErrors) => void }, error: unknown, fields: readonly string[], t: TFunction): string | null {
  const info = readApiError(error);
  const entries = Object.entries(info.fieldErrors);
  const onFields = entries.filter(([path]) => fields.includes(path));
  if (onFields.length > 0) form.setErrors(Object.fromEntries(onFields.map(([path, messages]) => [path, messages.join(' ')])));
  if (onFields.length > 0 && onFields.length === entries.length) return null;
  if (onFields.length > 0 && info.code === 'BAD_REQUEST') return t('errors.checkFields');
  return errorMessage(error, t);
}
