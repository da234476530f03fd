// Which requests the proxy may answer from the page cache: a browser opening a
// public page, and nothing else (the router's requests, posts, people with a session).
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { fillNonce, isCacheablePage } from "./page-cache";

const pageLoad = { accept: "text/html,application/xhtml+xml,*/*;q=0.8", "sec-fetch-dest": "document" };

function request(path: string, headers: Record<string, string> = pageLoad, method = "GET") {
  return new NextRequest(`http://localhost:3000${path}`, { headers, method });
}

describe("isCacheablePage", () => {
  it("takes a browser's page load of the home or a campaign page, with or without a referral code", () => {
    expect(isCacheablePage(request("/"), "/")).toBe(true);
    expect(isCacheablePage(request("/campaigns/amazon-stop-hosting-palantir"), "/campaigns/amazon-stop-hosting-palantir")).toBe(true);
    expect(isCacheablePage(request("/es/campaigns/x-y?ref=abc123"), "/campaigns/x-y")).toBe(true);
    expect(isCacheablePage(request("/", { ...pageLoad, cookie: "lang=es" }), "/")).toBe(true);
    // A client without Fetch Metadata that asks for HTML (a link preview, an old browser).
    expect(isCacheablePage(request("/", { accept: "text/html" }), "/")).toBe(true);
  });

  it("leaves the router's requests, posts and other pages to be rendered", () => {
    expect(isCacheablePage(request("/", { accept: "*/*", "sec-fetch-dest": "empty" }), "/")).toBe(false);
    expect(isCacheablePage(request("/", { accept: "*/*" }), "/")).toBe(false);
    expect(isCacheablePage(request("/campaigns/x", pageLoad, "POST"), "/campaigns/x")).toBe(false);
    expect(isCacheablePage(request("/privacy"), "/privacy")).toBe(false);
    expect(isCacheablePage(request("/campaigns/x/confirm/abc"), "/campaigns/x/confirm/abc")).toBe(false);
  });

  it("renders for people with any cookie but the language, and for unknown query strings", () => {
    expect(isCacheablePage(request("/", { ...pageLoad, cookie: "lang=en; authjs.session-token=abc" }), "/")).toBe(false);
    expect(isCacheablePage(request("/campaigns/x?utm_source=a"), "/campaigns/x")).toBe(false);
    expect(isCacheablePage(request("/campaigns/x?ref=<script>"), "/campaigns/x")).toBe(false);
  });
});

describe("fillNonce", () => {
  it("is null for any request that does not carry this process's secret", () => {
    expect(fillNonce(request("/", { ...pageLoad, "x-cut-ties-page-fill": "guess", "x-cut-ties-page-fill-nonce": "n" }))).toBeNull();
    expect(fillNonce(request("/"))).toBeNull();
  });
});
