import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";

/** What a failed ActionResult carries for a form: its message and the field errors by field path. */
export type ServerErrors = { message: string; fieldErrors?: Record<string, string[]> };

/**
 * Puts a failed action's field errors on the form's fields: each error key that
 * is one of `fields` (or a path under one, e.g. `dilemmas.0.weight` → `dilemmas`)
 * shows its first message under that field; with `focus` the first such field
 * gets the focus. Returns whether any field got an error; error keys of other
 * fields are left to the caller (see fieldErrorsText).
 */
export function applyServerErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  result: ServerErrors,
  fields: readonly FieldPath<T>[],
  options: { focus?: boolean } = {},
): boolean {
  let placed = false;
  for (const [key, messages] of Object.entries(result.fieldErrors ?? {})) {
    const field = fields.find((name) => key === name || key.startsWith(`${name}.`));
    const message = messages[0];
    if (!field || !message) continue;
    setError(field, { message }, { shouldFocus: Boolean(options.focus) && !placed });
    placed = true;
  }
  return placed;
}

/** The first message of one error key, if the result has one. */
export function fieldErrorOf(result: ServerErrors, key: string): string | undefined {
  return result.fieldErrors?.[key]?.[0];
}

/** Every field error message in one line, or the result's message when it has none (forms without fields). */
export function fieldErrorsText(result: ServerErrors): string {
  return result.fieldErrors ? Object.values(result.fieldErrors).flat().join(" ") : result.message;
}
