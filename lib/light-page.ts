// The light campaign page: the copy of a campaign page the page cache serves to
// visitors without a session carries no React and no Next.js runtime (~110 KB of
// JavaScript, brotli), only public/campaign-page.js (~1.5 KB), which does what the
// page's client components do (share and copy buttons, the line back to the
// thank-you page, the sign button's "Sending…"). Everything else on the page is
// plain HTML that works without JavaScript: links, <details>, and the sign form,
// a server-action form that posts as a plain form (its answer, like every page but
// this cached copy, is the full app). Next.js writes its scripts in a regular way:
// <script> elements (src chunks and the inline RSC payload, whose text never holds
// "</script>": it is JSON with "<" escaped) and script preloads as <link> elements
// or in the Link header.

export const LIGHT_SCRIPT = "/campaign-page.js";

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;
const SCRIPT_LINK = /<link\b[^>]*>/gi;
const PRELOADS_SCRIPT = /\bas=["']?script\b|\brel=["']?modulepreload\b/i;

/** `html` without the framework's scripts, with the light page's one script (carrying `nonce`). */
export function lightPageHtml(html: string, nonce: string): string {
  const stripped = html.replace(SCRIPT, "").replace(SCRIPT_LINK, (tag) => (PRELOADS_SCRIPT.test(tag) ? "" : tag));
  const script = `<script src="${LIGHT_SCRIPT}" defer nonce="${nonce}"></script>`;
  const head = stripped.search(/<\/head\s*>/i);
  return head === -1 ? stripped + script : stripped.slice(0, head) + script + stripped.slice(head);
}

/** A Link header without its script preloads; null when nothing is left. */
export function lightLinkHeader(link: string): string | null {
  // Entries are `<url>; params`, comma-separated; a URL holds no unescaped comma here.
  const kept = link
    .split(/,(?=\s*<)/)
    .map((entry) => entry.trim())
    .filter((entry) => entry && !PRELOADS_SCRIPT.test(entry.replace(/^<[^>]*>/, "")));
  return kept.length ? kept.join(", ") : null;
}
