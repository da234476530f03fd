// The page cache's own render requests: lib/page-cache.ts asks this process's server for a
// page to keep, with a header carrying a secret of this process. Anyone can send the
// header; only the secret proves the request. The page gate lets proved ones skip the line
// (page-gate.mjs), and only they may render the gone page of a taken-down campaign.
export const PAGE_FILL_HEADER = "x-cut-ties-page-fill";
/** The CSP nonce a render request asks the page to be rendered with. */
export const PAGE_FILL_NONCE_HEADER = "x-cut-ties-page-fill-nonce";

/**
 * This process's secret, made on first use. In a cluster every worker gets the primary's
 * (CUT_TIES_FILL_SECRET, set by app-server.mjs before anything asks), since any process may
 * answer another's render request.
 */
export function pageFillSecret() {
  return (globalThis.__cutTiesPageFillSecret ??= crypto.randomUUID());
}

/** Whether a request's header value proves it is one of the page cache's render requests. */
export function provesPageFill(value) {
  return typeof value === "string" && value === pageFillSecret();
}
