// Runs before every page: picks the language (the URL decides; Accept-Language is
// the first guess for addresses without a prefix), sets a per-request CSP nonce, so no
// inline script runs unless Next.js itself put it there, and answers a browser's load
// of a public page from the page cache (lib/page-cache.ts) with that nonce; a share
// link's referral code goes into a cookie for the sign form (the cached page cannot
// carry it).
import { NextResponse, type NextRequest } from "next/server";
import { isLocale, localeFromAcceptLanguage, type Locale } from "@/lib/i18n";
import { cachedPage, fillNonce, isCacheablePage, isCampaignPage } from "@/lib/page-cache";
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

// Next.js removes its router's headers (rsc, prefetch) before the proxy sees a request;
// a browser marks its own page loads.
function isPageNavigation(request: NextRequest): boolean {
  return request.headers.get("sec-fetch-dest") === "document";
}

/** The page from the page cache, with this request's nonce and headers; null to render it. */
async function fromPageCache(request: NextRequest, bare: string, locale: Locale, prefixed: boolean, nonce: string, csp: string) {
  const page = await cachedPage(request, bare, locale, nonce);
  if (!page) return null;
  const response = new NextResponse(page.html, { status: page.status, headers: page.headers });
  response.headers.set(CACHE_HEADER, page.hit ? "HIT" : "MISS");
  if (prefixed && isPageNavigation(request)) rememberLocale(response, locale);
  return withCsp(rememberReferral(request, bare, response), csp);
}

function rememberLocale(response: NextResponse, locale: Locale) {
  response.cookies.set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
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

  if (first === "dev") {
    return withCsp(NextResponse.next({ request: { headers: renderHeaders(request, nonce, csp, bare) } }), csp);
  }
  // Next.js links generated images (Open Graph) with the internal /en prefix: serve them as is.
  if (first === "en" && url.pathname.includes("/opengraph-image")) return NextResponse.next();
  if (first === "en") {
    // English has no prefix: /en/… is the switch to English, remembered in a cookie.
    const target = url.clone();
    target.pathname = url.pathname.slice(3) || "/";
    const response = NextResponse.redirect(target);
    rememberLocale(response, "en");
    return response;
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
    const cachedPage = await fromPageCache(request, bare, locale, isLocale(first), nonce, csp);
    if (cachedPage) return cachedPage;
  }

  const headers = renderHeaders(request, nonce, csp, bare, locale);
  let response: NextResponse;
  if (isLocale(first)) {
    response = NextResponse.next({ request: { headers } });
    // Remembered only when a person opens the page, never from the router's
    // background prefetches, which could undo a switch made a moment later.
    if (isPageNavigation(request)) rememberLocale(response, first);
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
