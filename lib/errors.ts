// The closed set of outcomes a person can be told about. Messages live in the
// i18n catalogues under errors.<code>.
export const errorCodes = [
  "invalid",
  "not_found",
  "closed",
  "rate_limited",
  "unauthorized",
  "forbidden",
  "conflict",
  "unexpected",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type FieldErrors = Record<string, string[]>;
export type Result<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; fieldErrors?: FieldErrors };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, fieldErrors?: FieldErrors): { ok: false; code: ErrorCode; fieldErrors?: FieldErrors } =>
  fieldErrors ? { ok: false, code, fieldErrors } : { ok: false, code };

/** Logs an unexpected error without personal data: the message and stack only. */
export function logError(where: string, error: unknown): void {
  const e = error instanceof Error ? error : new Error(String(error));
  const scrub = (s: string) => s.replace(/[^\s"'()<>=,]+@[^\s"'()<>=,]+/g, "[email]");
  console.error(`[${where}] ${e.name}: ${scrub(e.message)}\n${scrub(e.stack ?? "")}`);
}
