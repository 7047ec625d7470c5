import type { FormInstance } from 'antd';
import { isApiError } from '@/lib/api/client';

/** Turns an API field name ("email", "profile.birthday", "importantDates[0].label") into an antd NamePath. */
export function toNamePath(field: string): (string | number)[] {
  return field
    .split(/\.|\[(\d+)\]/)
    .filter((part): part is string => part !== undefined && part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part.charAt(0).toLowerCase() + part.slice(1)));
}

/** Puts a 400 problem's `errors` onto the form's fields. Returns true when at least one field was known to
 *  the form, so the caller can skip the generic toast; errors for unknown fields are left to the toast. */
export function applyProblemToForm(form: FormInstance, error: unknown, knownFields?: string[]): boolean {
  if (!isApiError(error, 400) || !error.problem.errors) return false;
  const entries = Object.entries(error.problem.errors).filter(([field]) => field !== '' && field !== '$');
  const fields = entries
    .map(([field, errors]) => ({ name: toNamePath(field), errors }))
    .filter(({ name }) => !knownFields || knownFields.includes(String(name[0])));
  if (fields.length === 0) return false;
  form.setFields(fields);
  const first = fields[0];
  if (first) form.scrollToField(first.name);
  return fields.length === entries.length;
}
