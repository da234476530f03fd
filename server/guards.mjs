// Checks run on every request before Next.js: each catches something Next.js would
// answer with a 500 or read in full. They return the refusal's kind, or null.

/** Largest request body the app reads: forms, server actions and the API alike. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * The one route allowed more: an admin's USAspending file upload (app/api/admin/facts/import),
 * which streams the body to disk and checks the session before reading it.
 */
export const UPLOAD_PATH = "/api/admin/facts/import";
export const UPLOAD_LIMIT_BYTES = 1024 * 1024 * 1024;

function bodyLimitFor(req) {
  return req.method === "POST" && (req.url ?? "").split("?")[0] === UPLOAD_PATH ? UPLOAD_LIMIT_BYTES : BODY_LIMIT_BYTES;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A path Next.js cannot decode (`/campaigns/%ff`, an overlong `%C0%AE`, a cut-off `%E0%A4%A`). */
export function badPath(req) {
  const path = (req.url ?? "/").split("?")[0];
  try {
    decodeURIComponent(path);
    return null;
  } catch {
    return "bad_path";
  }
}

/**
 * A body over the limit by its Content-Length, or one of unknown length (chunked):
 * such a body would be read before anyone could count it, and no browser sends one
 * for a form or a fetch of a string or FormData.
 */
export function badBody(req) {
  if (req.headers["transfer-encoding"] !== undefined) return "length_required";
  const length = Number(req.headers["content-length"] ?? 0);
  return length > bodyLimitFor(req) ? "too_large" : null;
}

/**
 * A page or server-action post whose Origin is another site. Next.js refuses those
 * too, but with a 500; the public API (/api/) is for other sites and keeps its own rules.
 * `appHost`: APP_URL's host[:port]; the request's Host (or X-Forwarded-Host) is accepted too.
 */
export function crossOrigin(req, appHost) {
  if (SAFE_METHODS.has(req.method ?? "GET") || (req.url ?? "").startsWith("/api/")) return null;
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  let host;
  try {
    host = new URL(origin).host;
  } catch {
    return "cross_origin"; // "null" (a sandboxed frame, a redirect from another site)
  }
  // X-Forwarded-Host as Next.js reads it: a browser posting from another site cannot set it.
  const forwardedHost = req.headers["x-forwarded-host"]?.split(",")[0].trim();
  return host === appHost || host === req.headers.host || host === forwardedHost ? null : "cross_origin";
}

/** The first refusal that applies to `req`, or null to hand it to Next.js. */
export function refusalFor(req, appHost) {
  return badPath(req) ?? badBody(req) ?? crossOrigin(req, appHost);
}
