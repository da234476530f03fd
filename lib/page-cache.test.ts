// The page cache: which requests the proxy may answer from it (a browser opening a
// public page, and nothing else), the fresh nonce in every answer, and what a change forgets.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cachedPage, fillNonce, invalidateCachedPages, isCacheablePage } from "./page-cache";

// The secret this process gives its own render requests (see page-cache.ts).
const processSecret = () => (globalThis as unknown as { __cutTiesPageFillSecret: string }).__cutTiesPageFillSecret;

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
  it("gives the nonce a render request of this process asks for", () => {
    const headers = { ...pageLoad, "x-cut-ties-page-fill": processSecret(), "x-cut-ties-page-fill-nonce": "bm9uY2U=" };
    expect(fillNonce(request("/", headers))).toBe("bm9uY2U=");
  });

  it("is null for any request that does not carry this process's secret", () => {
    expect(fillNonce(request("/", { ...pageLoad, "x-cut-ties-page-fill": "guess", "x-cut-ties-page-fill-nonce": "n" }))).toBeNull();
    expect(fillNonce(request("/"))).toBeNull();
  });
});

describe("cachedPage", () => {
  // A stand-in for this server's own render: counts renders, echoes the nonce it was asked for.
  const renders: string[] = [];
  let server: Server;
  beforeAll(async () => {
    server = createServer((req, res) => {
      renders.push(req.url!);
      const nonce = String(req.headers["x-cut-ties-page-fill-nonce"]);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", link: `</a.css>; nonce="${nonce}"` });
      res.end(`<html><script nonce="${nonce}">self.n="${nonce}"</script>${req.url}</html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    process.env.PORT = String((server.address() as AddressInfo).port);
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const load = async (path: string, bare: string, nonce: string) => {
    const page = await cachedPage(request(path), bare, "en", nonce);
    return { html: Buffer.from(page!.html).toString(), link: new Map(page!.headers).get("link") };
  };

  it("renders once, and answers every request with its own nonce in place of the render's", async () => {
    const first = await load("/campaigns/a", "/campaigns/a", "first-nonce");
    const second = await load("/campaigns/a", "/campaigns/a", "second-nonce");
    expect(renders.filter((u) => u === "/campaigns/a")).toHaveLength(1);
    expect(first.html).toBe('<html><script nonce="first-nonce">self.n="first-nonce"</script>/campaigns/a</html>');
    expect(second.html).toBe('<html><script nonce="second-nonce">self.n="second-nonce"</script>/campaigns/a</html>');
    expect(second.link).toBe('</a.css>; nonce="second-nonce"');
  });

  it("forgets one campaign's copies and the home page's, and keeps the others", async () => {
    for (const [path, bare] of [["/campaigns/a", "/campaigns/a"], ["/campaigns/b", "/campaigns/b"], ["/", "/"]]) {
      await load(path, bare, "n");
    }
    renders.length = 0;
    invalidateCachedPages("a");
    for (const [path, bare] of [["/campaigns/a", "/campaigns/a"], ["/campaigns/b", "/campaigns/b"], ["/", "/"]]) {
      await load(path, bare, "n");
    }
    expect(renders.filter((u) => u === "/campaigns/a")).toHaveLength(1);
    expect(renders.filter((u) => u === "/")).toHaveLength(1);
    expect(renders.filter((u) => u === "/campaigns/b")).toHaveLength(0);
  });
});
