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
  "unavailable",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type FieldErrors = Record<string, string[]>;
export type Result<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; fieldErrors?: FieldErrors };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, fieldErrors?: FieldErrors): { ok: false; code: ErrorCode; fieldErrors?: FieldErrors } =>
  fieldErrors ? { ok: false, code, fieldErrors } : { ok: false, code };

/** Logs an unexpected error without personal data: the message and stack only. */
export function logError(where: string, error: unknown): void {
  const e = error instanceof Error ? error : errorLike(error);
  const scrub = (s: string) => s.replace(/[^\s"'()<>=,]+@[^\s"'()<>=,]+/g, "[email]");
  console.error(`[${where}] ${e.name}: ${scrub(e.message)}\n${scrub(e.stack ?? "")}`);
}

/** pg-boss hands over its errors as plain objects ({ ...error, message, stack, queue }). */
function errorLike(value: unknown): Error {
  const v = (typeof value === "object" && value) || {};
  if (!("message" in v) || typeof v.message !== "string") return new Error(String(value));
  const e = new Error(v.message);
  if ("name" in v && typeof v.name === "string") e.name = v.name;
  e.stack = "stack" in v && typeof v.stack === "string" ? v.stack : "";
  return e;
}
