// Telling "the database is out of reach for a moment" (restarting, failing over, too
// many connections) apart from a bug, so a request can answer 503 with Retry-After, or
// the form "try again in a moment", instead of a 500 — and without waiting for it.

/** What a client is told to wait before trying again (PostgreSQL restarts in a few seconds). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Socket errors (Node) and postgres.js's own connection errors.
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

// SQLSTATEs of a server that is shutting down, starting up or full.
const UNAVAILABLE_SQLSTATES = new Set([
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up, shutting down, in recovery)
  "53300", // too_many_connections
]);

function isUnavailableCode(code: unknown): boolean {
  if (typeof code !== "string") return false;
  // Class 08: connection exception.
  return CONNECTION_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}

/**
 * The code saying the database could not be reached or went away, found on `error` or
 * what it wraps (drizzle's "Failed query" keeps the driver's error as its cause; a
 * connection to several addresses fails with an AggregateError); undefined otherwise.
 */
function unavailableCode(error: unknown): string | undefined {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length) {
    const current = pending.pop();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const e = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (isUnavailableCode(e.code)) return e.code as string;
    pending.push(e.cause);
    if (Array.isArray(e.errors)) pending.push(...e.errors);
  }
  return undefined;
}

/** True when the database is out of reach for a moment, rather than something being wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return unavailableCode(error) !== undefined;
}

const lastNoted = new Map<string, number>();

/** One short log line per place per 10 s while the database is away (not one stack per request). */
export function noteDatabaseUnavailable(where: string, error: unknown): void {
  const now = Date.now();
  if (now - (lastNoted.get(where) ?? 0) < 10_000) return;
  lastNoted.set(where, now);
  console.error(`[${where}] database unavailable (${unavailableCode(error) ?? "?"}): answering "try again in a moment"`);
}

/** How long a repeatable request waits before its one more try (the pool reconnects in well under this). */
export const RETRY_PAUSE_MS = 250;

/**
 * Runs `work`, and once more after a short pause if the database connection failed under
 * it. A restart or failover cuts every open connection: a request caught on one of them
 * would fail although the server is back a moment later, so it is tried again on a new
 * connection rather than answered "try again" (while the server stays down the second try
 * fails as fast as the first). Only for work that is safe to repeat: if the first try was
 * stored before the connection broke, the second must find it and change nothing.
 */
export async function retryIfConnectionLost<T>(work: () => Promise<T>, pauseMs = RETRY_PAUSE_MS): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    return work();
  }
}
