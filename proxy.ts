// Runs before every page: picks the language (the URL decides; for addresses without a
// prefix, the language the person chose with the switch, else Accept-Language), sets a per-request CSP nonce, so no
// inline script runs unless Next.js itself put it there, and answers a browser's load
// of a public page from the page cache (lib/page-cache.ts) with that nonce; a share
// link's referral code goes into a cookie for the sign form (the cached page cannot
// carry it).
import { NextResponse, type NextRequest } from "next/server";
import { isLocale, localeFromAcceptLanguage, localePath, type Locale } from "@/lib/i18n";
import { cachedPage, fillNonce, isCacheablePage, isCampaignPage, servedPath } from "@/lib/page-cache";
import { referralCode, referralCookie } from "@/lib/signatures/referral-cookie";

const LOCALE_COOKIE = "lang";

function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

function withCsp(response: NextResponse, csp: string): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

// Whether a cacheable page came from the cache (HIT) or waited for a render (MISS).
const CACHE_HEADER = "X-Cache";

/** A campaign page opened through a share link remembers the link's code for the sign form. */
function rememberReferral(request: NextRequest, bare: string, response: NextResponse): NextResponse {
  if (request.method !== "GET" || !isCampaignPage(bare)) return response;
  const code = referralCode(request.nextUrl.searchParams.get("ref"));
  if (code) response.cookies.set(referralCookie(code, request.nextUrl.pathname, request.nextUrl.protocol === "https:"));
  return response;
}

/** The page from the page cache, with this request's nonce and headers; null to render it. */
async function fromPageCache(request: NextRequest, bare: string, locale: Locale, nonce: string, csp: string) {
  const page = await cachedPage(request, bare, locale, nonce);
  if (!page) return null;
  const response = new NextResponse(page.html, { status: page.status, headers: page.headers });
  response.headers.set(CACHE_HEADER, page.hit ? "HIT" : "MISS");
  return withCsp(rememberReferral(request, bare, response), csp);
}

function rememberLocale(response: NextResponse, locale: Locale) {
  response.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
}

/**
 * The language switch (/lang/es?to=/campaigns/x): the only place the language is
 * remembered. Opening a /es/ page does not, so an English share link opened later
 * stays English. `to` must be a path on this site (no //host, no scheme).
 */
function switchLocale(request: NextRequest, locale: Locale): NextResponse {
  const to = request.nextUrl.searchParams.get("to") ?? "/";
  const safe = /^\/(?![/\\])[^\s]*$/.test(to) && to.length <= 2000 ? to : "/";
  const parsed = new URL(safe, "http://switch.invalid");
  const [, first] = parsed.pathname.split("/");
  // A stale prefix in `to` is dropped; the switch decides the language.
  const bare = isLocale(first) ? parsed.pathname.slice(first.length + 1) || "/" : parsed.pathname;
  const target = request.nextUrl.clone();
  target.pathname = localePath(locale, bare);
  target.search = parsed.search;
  const response = NextResponse.redirect(target, 303);
  response.headers.set("Cache-Control", "no-store");
  if (request.method === "GET") rememberLocale(response, locale);
  return response;
}

/** What the page render reads from the request: nonce, language, path for the switch. */
function renderHeaders(request: NextRequest, nonce: string, csp: string, bare: string, locale?: Locale): Headers {
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  headers.set("x-bare-path", bare + request.nextUrl.search);
  if (locale) headers.set("x-locale", locale);
  return headers;
}

export async function proxy(request: NextRequest) {
  // The page cache's own render requests bring the nonce they are rendered with.
  const filling = fillNonce(request);
  const nonce = filling ?? btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);

  const url = request.nextUrl;
  const [, first] = url.pathname.split("/");
  // The path without its language prefix, for the language switch.
  const bare = isLocale(first) ? url.pathname.slice(first.length + 1) || "/" : url.pathname;

  if (first === "lang") {
    const [, , chosen, extra] = url.pathname.split("/");
    if (isLocale(chosen) && extra === undefined) return switchLocale(request, chosen);
  }
  if (first === "dev") {
    return withCsp(NextResponse.next({ request: { headers: renderHeaders(request, nonce, csp, bare) } }), csp);
  }
  // Next.js links generated images (Open Graph) with the internal /en prefix: serve them as is.
  if (first === "en" && url.pathname.includes("/opengraph-image")) return NextResponse.next();
  if (first === "en") {
    // English has no prefix: /en/… is the same page without it (not remembered: the
    // switch, /lang/en, is).
    const target = url.clone();
    target.pathname = url.pathname.slice(3) || "/";
    return NextResponse.redirect(target);
  }

  let locale: Locale;
  if (isLocale(first)) {
    locale = first;
  } else {
    const cookie = request.cookies.get(LOCALE_COOKIE)?.value;
    locale = isLocale(cookie) ? cookie : localeFromAcceptLanguage(request.headers.get("accept-language"));
    if (locale !== "en" && request.method === "GET") {
      const target = url.clone();
      target.pathname = `/${locale}${url.pathname === "/" ? "" : url.pathname}`;
      return NextResponse.redirect(target);
    }
  }

  const cacheable = !filling && isCacheablePage(request, bare);
  if (cacheable) {
    const cachedPage = await fromPageCache(request, bare, locale, nonce, csp);
    if (cachedPage) return cachedPage;
  }

  const headers = renderHeaders(request, nonce, csp, filling ? servedPath(bare) : bare, locale);
  let response: NextResponse;
  if (isLocale(first)) {
    response = NextResponse.next({ request: { headers } });
  } else {
    const target = url.clone();
    target.pathname = `/en${url.pathname === "/" ? "" : url.pathname}`;
    response = NextResponse.rewrite(target, { request: { headers } });
  }
  // A cacheable page the cache could not answer (its render was not a page) is a miss.
  if (cacheable) response.headers.set(CACHE_HEADER, "MISS");
  return withCsp(rememberReferral(request, bare, response), csp);
}

export const config = {
  matcher: [
    // Everything but the API, Next's own files and files with an extension.
    "/((?!api/|_next/|favicon.ico|robots.txt|.*\\.[a-z0-9]+$).*)",
  ],
};
