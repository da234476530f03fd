import "server-only";
// JSON answers for the public API: one shape for errors, messages in the caller's
// language (Accept-Language), and cache headers only where the answer is public.
import { NextResponse } from "next/server";
import { logError, type ErrorCode, type FieldErrors } from "@/lib/errors";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, noteDatabaseUnavailable } from "@/lib/database-unavailable";
import { localeFromAcceptLanguage, messages, type Locale } from "@/lib/i18n";
import type { CampaignSummary } from "@/lib/campaigns/queries";

const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  not_found: 404,
  gone: 410,
  closed: 409,
  frozen: 409,
  rate_limited: 429,
  unauthorized: 401,
  forbidden: 403,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  unexpected: 500,
  unavailable: 503,
};

export function requestLocale(request: Request): Locale {
  return localeFromAcceptLanguage(request.headers.get("accept-language"));
}

/**
 * The error answer. `retryAfter`: seconds the client should wait (the rest of a
 * refusing rate-limit window, or a database coming back), sent as Retry-After.
 */
export function apiError(code: ErrorCode, locale: Locale, fieldErrors?: FieldErrors, retryAfter?: number): NextResponse {
  const t = messages(locale);
  const fields = fieldErrors
    ? Object.fromEntries(
        Object.entries(fieldErrors).map(([field, keys]) => [
          field,
          keys.map((key) => (t.fields as Record<string, string>)[key] ?? t.errors.invalid),
        ]),
      )
    : undefined;
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (retryAfter) headers["Retry-After"] = String(Math.max(1, Math.ceil(retryAfter)));
  return NextResponse.json(
    { error: { code, message: t.errors[code], ...(fields ? { fields } : {}) } },
    { status: STATUS[code], headers },
  );
}

/**
 * The answer to an error a route handler did not expect: 503 with Retry-After when the
 * database is out of reach for a moment (nothing is wrong with the request), else a
 * logged 500.
 */
export function apiFailure(where: string, error: unknown, locale: Locale): NextResponse {
  if (!isDatabaseUnavailable(error)) {
    logError(where, error);
    return apiError("unexpected", locale);
  }
  noteDatabaseUnavailable(where, error);
  return apiError("unavailable", locale, undefined, DATABASE_RETRY_AFTER_SECONDS);
}

/** Public, shared data: a few seconds fresh, served stale while refreshing or on error. */
const PUBLIC_CACHE = "public, max-age=5, stale-while-revalidate=30, stale-if-error=300";

/** Public data in the caller's language: cacheable for a few seconds by anyone. */
export function publicJson(data: unknown, locale: Locale): NextResponse {
  return NextResponse.json(
    { data },
    { headers: { "Cache-Control": PUBLIC_CACHE, "Content-Language": locale, Vary: "Accept-Language" } },
  );
}


export function campaignJson(c: CampaignSummary) {
  return {
    slug: c.slug,
    kind: c.kind,
    status: c.status,
    title: c.title,
    ask: c.ask,
    targets: c.targets,
    goal: c.goal,
    confirmedCount: c.confirmedCount,
  };
}
