// Public pages rendered once per couple of seconds instead of once per visit: the
// proxy answers a campaign page or the home page from here, rendering it (through
// this same server) only when the copy is older than the data cache's TTL or a
// change made here (a confirmation, a deletion) made it out of date. Every answer still gets its own CSP nonce: the
// page is rendered with a throwaway nonce, never sent as is, which each answer
// replaces with a fresh one. Only page loads are served from here: never the
// router's requests, form posts, or people with a session (any cookie but the language).
import type { NextRequest } from "next/server";
import { shortCache } from "@/lib/short-cache";

const FILL_HEADER = "x-cut-ties-page-fill";
const FILL_NONCE_HEADER = "x-cut-ties-page-fill-nonce";
// Pages get their own store, smaller than the data's: a page weighs ~40 kB, and a
// stream of ?ref= links must not push campaign data out.
const pages = shortCache("pages", 200);
const FILL_TIMEOUT_MS = 10_000;

// The page as bytes around each place its render nonce stood, so an answer is those
// bytes joined by the fresh nonce: no search, no re-encoding of the whole page.
type CachedPage = { status: number; htmlParts: Buffer[]; nonce: string; headers: [string, string][] };

// Proves a fill request came from this process (it is sent to 127.0.0.1 only).
const holder = globalThis as unknown as { __cutTiesPageFillSecret?: string };
const fillSecret = (holder.__cutTiesPageFillSecret ??= crypto.randomUUID());

/** The nonce a fill request asks to be rendered with; null for every other request. */
export function fillNonce(request: NextRequest): string | null {
  if (request.headers.get(FILL_HEADER) !== fillSecret) return null;
  return request.headers.get(FILL_NONCE_HEADER);
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
  if (request.cookies.getAll().some((c) => c.name !== "lang")) return false;
  const search = request.nextUrl.search;
  if (search && !/^\?ref=[a-z0-9]{4,16}$/i.test(search)) return false;
  return barePath === "/" || /^\/campaigns\/[a-z0-9-]{1,100}$/.test(barePath);
}

async function render(path: string, locale: string): Promise<CachedPage | null> {
  const nonce = btoa(crypto.randomUUID());
  const response = await fetch(`http://127.0.0.1:${process.env.PORT ?? 3000}${path}`, {
    headers: { [FILL_HEADER]: fillSecret, [FILL_NONCE_HEADER]: nonce, "accept-language": locale, accept: "text/html" },
    redirect: "manual",
    signal: AbortSignal.timeout(FILL_TIMEOUT_MS),
  });
  const html = await response.text();
  // Only a page or a not-found page is kept; anything else is rendered per request.
  if (response.status !== 200 && response.status !== 404) return null;
  const headers: [string, string][] = [];
  for (const name of ["content-type", "cache-control", "vary", "link"]) {
    const value = response.headers.get(name);
    if (value) headers.push([name, value]);
  }
  return { status: response.status, htmlParts: html.split(nonce).map((part) => Buffer.from(part)), nonce, headers };
}

/**
 * The page from the cache (rendering it if needed) with `nonce` in place of the one it
 * was rendered with; null when it cannot be served from here (the caller renders it).
 */
export async function cachedPage(
  request: NextRequest,
  barePath: string,
  locale: string,
  nonce: string,
): Promise<{ status: number; headers: [string, string][]; html: Uint8Array<ArrayBuffer> } | null> {
  const path = request.nextUrl.pathname + request.nextUrl.search;
  let page: CachedPage | null;
  try {
    // Keyed by the path without its language first, so one campaign's copies go together.
    page = await pages.cached(`${barePath}|${locale}|${request.nextUrl.search}`, () => render(path, locale));
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
