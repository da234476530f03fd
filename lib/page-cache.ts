// Public pages rendered once per couple of seconds instead of once per visit: the
// proxy answers a campaign page or the home page from here, rendering it (through
// this same server) only when the copy is older than the data cache's TTL or a
// change made here (a confirmation, a deletion) made it out of date. While one request
// renders a newer copy, the others get the previous one (for up to STALE_MS): under
// load a render takes seconds, and nobody should wait for it but the first visitor
// after a quiet spell or a change. Every answer still gets its own CSP nonce: the
// page is rendered with a throwaway nonce, never sent as is, which each answer
// replaces with a fresh one. Only page loads are served from here: never the
// router's requests, form posts, or people with a session (any cookie but the language
// and the referral cookie).
//
// The key ignores the query string: these pages read none of it, so a share link
// (`?ref=`) or a tracker's parameters (`?fbclid=`, `utm_*`) get the same copy as the
// plain address, and a stream of distinct links cannot push the hot pages out. The
// referral code reaches the sign form through a cookie the proxy sets instead
// (lib/signatures/referral-cookie.ts).
import type { NextRequest } from "next/server";
import { lightLinkHeader, lightPageHtml } from "@/lib/light-page";
import { shortCache } from "@/lib/short-cache";
import { PAGE_FILL_HEADER, PAGE_FILL_NONCE_HEADER, pageFillSecret, provesPageFill } from "@/server/page-fill.mjs";

// Pages get their own store, smaller than the data's: a page weighs ~40 kB. Two
// languages of the home page and of each campaign page: 200 covers a hundred campaigns.
const pages = shortCache("pages", 200);
const FILL_TIMEOUT_MS = 10_000;
const PAGE_TTL_MS = 2000;
const STALE_MS = 10_000;

// The page as bytes around each place its render nonce stood, so an answer is those
// bytes joined by the fresh nonce: no search, no re-encoding of the whole page.
// null: the render was neither a page nor a not-found page (a redirect, an error);
// remembered as such for the TTL too, so such a path is not rendered twice per request.
type CachedPage = { status: number; htmlParts: Buffer[]; nonce: string; headers: [string, string][] } | null;


/**
 * The address a fill render stands for: the gone page rendered at …/removed is served at
 * the campaign's own address, so its language switch must point there.
 */
export function servedPath(barePath: string): string {
  return barePath.endsWith(`/${REMOVED_SEGMENT}`) ? barePath.slice(0, -REMOVED_SEGMENT.length - 1) : barePath;
}

/** Whether a render was asked for by this cache (headers of the request being rendered). */
export function isPageFill(headers: Headers): boolean {
  return provesPageFill(headers.get(PAGE_FILL_HEADER));
}

/** The nonce a fill request asks to be rendered with; null for every other request. */
export function fillNonce(request: NextRequest): string | null {
  if (!isPageFill(request.headers)) return null;
  return request.headers.get(PAGE_FILL_NONCE_HEADER);
}

/** Whether this request may be answered from the cache: `barePath` is the path without its language. */
export function isCacheablePage(request: NextRequest, barePath: string): boolean {
  if (request.method !== "GET") return false;
  // Only a browser opening the page (or a client asking for HTML). Next.js hides its
  // router's own requests (RSC payloads, prefetches) from the proxy by removing their
  // headers, but those ask for */* and are marked sec-fetch-dest: empty.
  const dest = request.headers.get("sec-fetch-dest");
  if (dest !== null && dest !== "document") return false;
  if (!request.headers.get("accept")?.includes("text/html")) return false;
  if (request.cookies.getAll().some((c) => !SHARED_COOKIES.has(c.name))) return false;
  // Any query string: the key leaves it out (see the top of this file).
  return barePath === "/" || isCampaignPage(barePath);
}

/** Whether `barePath` (without its language) is a campaign's page. */
export function isCampaignPage(barePath: string): boolean {
  return CAMPAIGN_PAGE.test(barePath);
}

// Cookies that do not change the page: the language (the path already says it) and
// the referral code (read by the sign action, not by the page).
const SHARED_COOKIES = new Set(["lang", "ref"]);
const CAMPAIGN_PAGE = /^\/campaigns\/[a-z0-9-]{1,100}$/;
// A path segment no route under a campaign has, so the address matches nothing.
const NOT_FOUND_SEGMENT = "not-found";
// The page saying a campaign was taken down (it renders only for a fill request).
const REMOVED_SEGMENT = "removed";

/** The cache key: the page without its language prefix, the language; never the query string. */
export function pageKey(barePath: string, locale: string): string {
  // The path first, so one campaign's copies can be dropped together.
  return `${barePath}|${locale}`;
}

/** The port this server listens on: the custom server records it; `next start` has PORT. */
function listenPort(): string {
  const holder = globalThis as unknown as { __cutTiesListenPort?: number | string };
  return String(holder.__cutTiesListenPort ?? process.env.PORT ?? 3000);
}

function fetchPage(path: string, locale: string, nonce: string): Promise<Response> {
  return fetch(`http://127.0.0.1:${listenPort()}${path}`, {
    headers: { [PAGE_FILL_HEADER]: pageFillSecret(), [PAGE_FILL_NONCE_HEADER]: nonce, "accept-language": locale, accept: "text/html" },
    redirect: "manual",
    signal: AbortSignal.timeout(FILL_TIMEOUT_MS),
  });
}

async function render(path: string, barePath: string, locale: string): Promise<CachedPage> {
  const nonce = btoa(crypto.randomUUID());
  let response = await fetchPage(path, locale, nonce);
  let status = response.status;
  if (status === 404 && isCampaignPage(barePath)) {
    // A campaign the moderators took down is gone, not unknown: its address answers
    // 410 with the page that says so (a page cannot set 410 itself; this answer can).
    await response.body?.cancel();
    response = await fetchPage(`${path}/${REMOVED_SEGMENT}`, locale, nonce);
    if (response.status === 200) status = 410;
  }
  if (status === 404) {
    // A campaign that does not exist: its page calls notFound(), which Next.js 16 answers
    // with an empty document filled in by JavaScript (vercel/next.js#62228). An address
    // no route matches is rendered in full by app/global-not-found.tsx, readable
    // without JavaScript: serve that one, still with status 404.
    await response.body?.cancel();
    response = await fetchPage(`${path}/${NOT_FOUND_SEGMENT}`, locale, nonce);
    status = response.status;
  }
  let html = await response.text();
  // Only a page, a gone page or a not-found page is kept; anything else is rendered per request.
  if (status !== 200 && status !== 404 && status !== 410) return null;
  // A campaign page is kept light: without the framework's runtime (lib/light-page.ts).
  const light = status === 200 && isCampaignPage(barePath);
  if (light) html = lightPageHtml(html, nonce);
  const headers: [string, string][] = [];
  for (const name of ["content-type", "cache-control", "vary", "link"]) {
    let value = response.headers.get(name);
    if (value && light && name === "link") value = lightLinkHeader(value);
    if (value) headers.push([name, value]);
  }
  return { status, htmlParts: html.split(nonce).map((part) => Buffer.from(part)), nonce, headers };
}

/**
 * The page from the cache (rendering it if needed) with `nonce` in place of the one it
 * was rendered with, and whether it was there already (`hit`: no render waited for);
 * null when it cannot be served from here (the caller renders it).
 */
export async function cachedPage(
  request: NextRequest,
  barePath: string,
  locale: string,
  nonce: string,
): Promise<{ status: number; headers: [string, string][]; html: Uint8Array<ArrayBuffer>; hit: boolean } | null> {
  // Rendered without the query string: the copy is everyone's.
  const path = request.nextUrl.pathname;
  let page: CachedPage;
  let hit: boolean;
  try {
    const found = pages.lookup(pageKey(barePath, locale), () => render(path, barePath, locale), { ttlMs: PAGE_TTL_MS, staleMs: STALE_MS });
    hit = found.hit;
    page = await found.value;
  } catch {
    return null; // a failed render is not kept; this request renders on its own
  }
  if (!page) return null;
  const nonceBytes = Buffer.from(nonce);
  const html = Buffer.concat(page.htmlParts.flatMap((part, i) => (i === 0 ? [part] : [nonceBytes, part])));
  return {
    status: page.status,
    headers: page.headers.map(([name, value]) => [name, value.replaceAll(page.nonce, nonce)]),
    html,
    hit,
  };
}

/**
 * After a change people should see at once: this process's copies of one campaign's
 * page (every language and referral link) and of the home page that lists its count;
 * with no campaign, every copy.
 */
export function invalidateCachedPages(campaignSlug?: string): void {
  if (!campaignSlug) return pages.invalidate("");
  pages.invalidate(`/campaigns/${campaignSlug}|`);
  pages.invalidate("/|");
}
