// The closed set of outcomes a person can be told about. Messages live in the
// i18n catalogues under errors.<code>.
export const errorCodes = [
  "invalid",
  "not_found",
  "gone",
  "closed",
  "frozen",
  "rate_limited",
  "unauthorized",
  "forbidden",
  "conflict",
  "too_large",
  "unsupported_media_type",
  "unexpected",
  "unavailable",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type FieldErrors = Record<string, string[]>;
export type Result<T> = { ok: true; data: T } | { ok: false; code: ErrorCode; fieldErrors?: FieldErrors };

export const ok = <T>(data: T): Result<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, fieldErrors?: FieldErrors): { ok: false; code: ErrorCode; fieldErrors?: FieldErrors } =>
  fieldErrors ? { ok: false, code, fieldErrors } : { ok: false, code };

// ---- logging without personal data ---------------------------------------------
// A database error's message can carry what the person typed: drizzle's "Failed query:
// <sql> params: <name>, <email>, <ip hash>", or PostgreSQL's `invalid input syntax for
// type uuid: "<value>"`. So a log line names the error (class, SQLSTATE code, the
// constraint or column) and keeps a scrubbed message: no query parameters, no quoted
// values, no addresses, no long tokens.

const MAX_MESSAGE = 300;

/** An error message with query parameters, quoted values, addresses and tokens taken out. */
export function scrubMessage(message: string): string {
  return (
    message
      // drizzle: "Failed query: <sql>\nparams: …": the parameters are what people typed.
      .replace(/\bparams:[\s\S]*$/, "params: [scrubbed]")
      // Quoted values: '…' literals, and "…" after a colon or "=" (PostgreSQL quotes the
      // offending value there; identifiers such as constraint names stay).
      .replace(/'(?:[^'\\]|\\.|'')*'/g, "'…'")
      .replace(/([:=]\s*)"[^"]*"/g, '$1"…"')
      .replace(/[^\s"'()<>=,;]+@[^\s"'()<>=,;]+/g, "[email]")
      .replace(/\(([^()]*)\)=\((?!\[email\]\))[^()]*\)/g, "($1)=(…)")
      // Tokens, hashes, long numbers: 20+ characters of base64url or hex.
      .replace(/[A-Za-z0-9_-]{20,}/g, (m) => (/[0-9]/.test(m) && /[A-Za-z_-]/.test(m) ? "[token]" : m))
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "?")
      .slice(0, MAX_MESSAGE)
  );
}

type Described = { name: string; code?: string; detail: string[]; message: string };

function describe(error: unknown): Described {
  if (error instanceof Error) {
    const e = error as Error & Record<string, unknown>;
    const detail = (["constraint_name", "constraint", "table_name", "table", "column_name", "column", "routine", "digest"] as const)
      .map((key) => (typeof e[key] === "string" && e[key] ? `${key}=${e[key] as string}` : ""))
      .filter(Boolean);
    const code = typeof e.code === "string" || typeof e.code === "number" ? String(e.code) : undefined;
    return { name: e.constructor?.name && e.constructor.name !== "Error" ? e.constructor.name : e.name, code, detail, message: e.message };
  }
  if (error && typeof error === "object") {
    // Not an Error (pg-boss emits plain objects): its own name, code and message, never "[object Object]".
    const o = error as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : undefined);
    return {
      name: text(o.name) ?? "Error",
      code: text(o.code),
      detail: [],
      message: text(o.message) ?? Object.keys(o).slice(0, 8).map((k) => `${k}=…`).join(" "),
    };
  }
  return { name: typeof error, detail: [], message: String(error) };
}

function line(d: Described): string {
  const code = d.code ? ` [${d.code}]` : "";
  const detail = d.detail.length ? ` (${d.detail.join(" ")})` : "";
  return `${d.name}${code}${detail}: ${scrubMessage(d.message)}`;
}

/**
 * Logs an unexpected error without personal data: for the error and each of its causes
 * the class, its code (a PostgreSQL SQLSTATE, a Node code) and a scrubbed message, then
 * the stack frames (never the stack's message line, which repeats the raw message).
 */
export function logError(where: string, error: unknown): void {
  console.error(`[${where}] ${describeError(error)}`);
}

/** The scrubbed description logError prints, as one string (for other log paths). */
export function describeError(error: unknown): string {
  const lines = [line(describe(error))];
  let cause = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < 3; depth++) {
    lines.push(`  caused by ${line(describe(cause))}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  // pg-boss hands over its errors as plain objects ({ ...error, message, stack, queue }).
  const stack = (error as { stack?: unknown } | null)?.stack;
  const frames = typeof stack === "string" ? stack.split("\n").filter((l) => /^\s+at /.test(l)).slice(0, 12) : [];
  return [...lines, ...frames].join("\n");
}

/**
 * Errors logged by code that is not ours (Next.js logs what a page or action throws)
 * go through the same scrubbing: every Error handed to console.error is printed as
 * describeError prints it. Installed once at start; returns the undo, for tests.
 */
export function scrubErrorLogs(): () => void {
  const original = console.error;
  const scrubbed = (...args: unknown[]) => original(...args.map((arg) => (arg instanceof Error ? describeError(arg) : arg)));
  console.error = scrubbed;
  return () => {
    if (console.error === scrubbed) console.error = original;
  };
}
