/*
 * Problems with a form, each tied to the field it is about, so the GOV.UK error summary can link to the
 * field and the field can show the same words beside it.
 */

export interface FieldProblem {
  /** The id of the input (or the first box of a date) the summary links to. */
  fieldId: string;
  text: string;
}

/** A field's problem, or nothing when its message is empty (a list of them keeps only real problems). */
export function fieldProblem(fieldId: string, text: string | undefined): FieldProblem[] {
  return text ? [{ fieldId, text }] : [];
}

/** The message for one field, or undefined, for an input's `error` prop. */
export function problemFor(
  problems: readonly (string | FieldProblem)[],
  fieldId: string,
): string | undefined {
  for (const problem of problems) {
    if (typeof problem !== 'string' && problem.fieldId === fieldId) return problem.text;
  }
  return undefined;
}
