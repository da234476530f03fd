// The page cache: which requests the proxy may answer from it (a browser opening a
// public page, and nothing else), the fresh nonce in every answer, and what a change forgets.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageFillSecret } from "@/server/page-fill.mjs";
import { cachedPage, fillNonce, invalidateCachedPages, isCacheablePage, pageKey } from "./page-cache";

// The secret this process gives its own render requests (server/page-fill.mjs).
const processSecret = pageFillSecret;

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

  it("renders for people with any cookie but the language and the referral code", () => {
    expect(isCacheablePage(request("/", { ...pageLoad, cookie: "lang=en; authjs.session-token=abc" }), "/")).toBe(false);
    expect(isCacheablePage(request("/campaigns/x", { ...pageLoad, cookie: "ref=abcd1234; other=1" }), "/campaigns/x")).toBe(false);
    expect(isCacheablePage(request("/campaigns/x", { ...pageLoad, cookie: "lang=es; ref=abcd1234" }), "/campaigns/x")).toBe(true);
  });

  it("takes share links and tracking parameters: the page reads no query string", () => {
    for (const query of ["?ref=abc123", "?fbclid=IwAR0xyz", "?utm_source=a&utm_medium=b", "?gclid=x", "?ref=<script>", "?ref=a&ref=b"]) {
      expect(isCacheablePage(request(`/campaigns/x${query}`), "/campaigns/x"), query).toBe(true);
    }
  });
});

describe("pageKey", () => {
  it("is the page and its language: one copy per language, whatever the query string", () => {
    expect(pageKey("/campaigns/x", "en")).toBe(pageKey("/campaigns/x", "en"));
    expect(pageKey("/campaigns/x", "en")).not.toBe(pageKey("/campaigns/x", "es"));
    expect(pageKey("/campaigns/x", "en")).not.toBe(pageKey("/campaigns/xy", "en"));
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
  const listen = globalThis as unknown as { __cutTiesListenPort?: number };
  beforeAll(async () => {
    server = createServer((req, res) => {
      renders.push(req.url!);
      const nonce = String(req.headers["x-cut-ties-page-fill-nonce"]);
      // A missing campaign: Next's empty notFound() document; an unmatched address: the full 404 page.
      if (req.url === "/campaigns/gone") return void res.writeHead(404, { "content-type": "text/html" }).end("<html id=\"__next_error__\"></html>");
      // Asked whether a missing campaign was taken down: this one was not.
      if (req.url === "/campaigns/gone/removed") return void res.writeHead(404, { "content-type": "text/html" }).end("<html id=\"__next_error__\"></html>");
      // A campaign the moderators took down: its page is not found, its "removed" page renders.
      if (req.url === "/campaigns/taken") return void res.writeHead(404, { "content-type": "text/html" }).end("<html id=\"__next_error__\"></html>");
      if (req.url === "/campaigns/taken/removed") return void res.writeHead(200, { "content-type": "text/html" }).end(`<html lang="en"><script nonce="${nonce}"></script><h1>Campaign removed</h1></html>`);
      if (req.url === "/campaigns/gone/not-found") return void res.writeHead(404, { "content-type": "text/html" }).end(`<html lang="en"><script nonce="${nonce}"></script><h1>Page not found</h1></html>`);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", link: `</a.css>; nonce="${nonce}", </c.js>; rel=preload; as="script"` });
      res.end(`<html><head><script nonce="${nonce}">self.n="${nonce}"</script><link rel="preload" as="script" href="/c.js"/></head><body>${req.url}</body></html>`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    // The port the server really listens on, as the custom server records it; PORT
    // names a port nobody answers on (as when `npm start -p` chose another).
    listen.__cutTiesListenPort = (server.address() as AddressInfo).port;
    process.env.PORT = "9";
  });
  afterAll(() => {
    delete listen.__cutTiesListenPort;
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const load = async (path: string, bare: string, nonce: string) => {
    const page = await cachedPage(request(path), bare, "en", nonce);
    return { html: Buffer.from(page!.html).toString(), link: new Map(page!.headers).get("link"), hit: page!.hit };
  };

  it("renders once, and answers every request with its own nonce in place of the render's", async () => {
    const first = await load("/campaigns/a", "/campaigns/a", "first-nonce");
    const second = await load("/campaigns/a", "/campaigns/a", "second-nonce");
    expect(renders.filter((u) => u === "/campaigns/a")).toHaveLength(1);
    // A campaign page is the light copy (lib/light-page.ts): its one script carries the nonce too.
    expect(first.html).toBe('<html><head><script src="/campaign-page.js" defer nonce="first-nonce"></script></head><body>/campaigns/a</body></html>');
    expect(second.html).toBe('<html><head><script src="/campaign-page.js" defer nonce="second-nonce"></script></head><body>/campaigns/a</body></html>');
    expect(second.link).toBe('</a.css>; nonce="second-nonce"');
    expect([first.hit, second.hit]).toEqual([false, true]);
  });

  it("keeps the full app, scripts and preloads, on the home page", async () => {
    const home = await load("/", "/", "home-nonce");
    expect(home.html).toBe('<html><head><script nonce="home-nonce">self.n="home-nonce"</script><link rel="preload" as="script" href="/c.js"/></head><body>/</body></html>');
    expect(home.link).toBe('</a.css>; nonce="home-nonce", </c.js>; rel=preload; as="script"');
  });

  it("answers share links and tracking parameters with the plain page's copy", async () => {
    renders.length = 0;
    const plain = await load("/campaigns/shared", "/campaigns/shared", "n1");
    const links = [];
    for (const query of ["?ref=abcd1234", "?ref=efgh5678", "?fbclid=IwAR0abc", "?utm_source=x&utm_campaign=y"]) {
      links.push(await load(`/campaigns/shared${query}`, "/campaigns/shared", "n2"));
    }
    // Rendered once, without the query string (no visitor's code is in everyone's copy).
    expect(renders).toEqual(["/campaigns/shared"]);
    expect(plain.hit).toBe(false);
    expect(links.map((l) => l.hit)).toEqual([true, true, true, true]);
    expect(links[0].html).toBe(plain.html.replaceAll("n1", "n2"));
  });

  it("serves a missing campaign the full not-found page, readable without JavaScript, with status 404", async () => {
    const page = await cachedPage(request("/campaigns/gone"), "/campaigns/gone", "en", "n404");
    expect(page!.status).toBe(404);
    expect(Buffer.from(page!.html).toString()).toBe('<html lang="en"><script nonce="n404"></script><h1>Page not found</h1></html>');
  });

  it("serves a taken-down campaign the page saying it was removed, with status 410", async () => {
    renders.length = 0;
    const page = await cachedPage(request("/campaigns/taken"), "/campaigns/taken", "en", "n410");
    expect(page!.status).toBe(410);
    expect(Buffer.from(page!.html).toString()).toBe('<html lang="en"><script nonce="n410"></script><h1>Campaign removed</h1></html>');
    expect(renders).toEqual(["/campaigns/taken", "/campaigns/taken/removed"]);
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
