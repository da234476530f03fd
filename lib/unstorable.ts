// What PostgreSQL cannot store in a text column: a NUL character, and broken UTF-16 (a
// lone surrogate). Refused up front as invalid input, field by field, instead of
// reaching the database and failing there as an unexpected error.
import type { FieldErrors } from "@/lib/errors";

export function isUnstorable(text: string): boolean {
  return text.includes("\u0000") || !text.isWellFormed();
}

/** The fields of a submitted form holding such text, or null when every one can be stored. */
export function unstorableFields(values: Record<string, string | string[]>): FieldErrors | null {
  const errors: FieldErrors = {};
  for (const [field, value] of Object.entries(values)) {
    if ((Array.isArray(value) ? value : [value]).some(isUnstorable)) errors[field] = ["invalid"];
  }
  return Object.keys(errors).length ? errors : null;
}
