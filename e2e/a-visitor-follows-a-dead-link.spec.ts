// A visitor follows a dead or mistyped link: they get the app's own "not found" page,
// with status 404, in their language (the /es prefix, else the remembered `lang` cookie,
// else Accept-Language), inside the site's layout with a way home, and with every
// script under the page's CSP nonce, so the browser refuses none of them. The API
// answers an unknown address with its own JSON error, never an HTML page.
import type { Page, Response } from "@playwright/test";
import { baseUrl, expect, test } from "./fixtures";

const copy = {
  en: { title: "Page not found", body: "We could not find that page.", home: "Campaigns", homeHref: "/" },
  es: { title: "Página no encontrada", body: "No encontramos esa página.", home: "Campañas", homeHref: "/es" },
} as const;
type Lang = keyof typeof copy;

/** Collects what the browser reports about the Content Security Policy on this page. */
function watchCsp(page: Page): string[] {
  const reports: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) reports.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => reports.push(`page error: ${e.message}`));
  return reports;
}

type Case = {
  path: string;
  lang: Lang;
  why: string;
  headers?: Record<string, string>;
  cookie?: Lang;
  /**
   * "server": the 404 page is in the HTML itself (readable without JavaScript).
   * "client": a notFound() inside a page rendered for the person (not from the page
   * cache): Next.js 16 answers 404 with an empty error document and React renders the
   * page from the same response (vercel/next.js#62228). A missing campaign opened
   * from the page cache is served the full not-found page (lib/page-cache.ts).
   * "no-proxy": an address with a file extension, which the proxy never sees (no CSP,
   * no nonce to carry), so also rendered by the client, from the cookie or browser language.
   */
  render?: "server" | "client" | "no-proxy";
};

async function expectAppNotFound(page: Page, response: Response | null, c: Case, cspReports: string[]) {
  const t = copy[c.lang];
  const render = c.render ?? "server";
  expect(response?.status(), `status of ${page.url()}`).toBe(404);
  const html = await response!.text();
  if (render === "server") {
    expect(html, "the server's HTML carries the language").toMatch(new RegExp(`<html[^>]*\\blang="${c.lang}"`));
    expect(html, "the server's HTML carries the page").toContain(t.body);
  }
  await expect(page.locator("html")).toHaveAttribute("lang", c.lang);
  await expect(page.getByRole("heading", { level: 1, name: t.title })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(t.body);
  // The site's own layout: its navigation and footer, not a bare error page.
  await expect(page.getByRole("navigation", { name: "Cut Ties" })).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();
  const home = page.getByRole("main").getByRole("link", { name: t.home });
  await expect(home).toHaveAttribute("href", t.homeHref);

  if (render !== "no-proxy") {
    // Every script the server sent carries this response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(response!.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce, "a nonce in the page's Content-Security-Policy").toBeTruthy();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, "the page has scripts (React hydrates it)").toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, "every <script> carries the nonce").toContain(`nonce="${nonce}"`);
  }
  // The scripts ran (Next.js's client marks the window once it starts) and the browser
  // refused none.
  await page.waitForFunction(() => Boolean((window as { next?: { version?: string } }).next?.version));
  await page.waitForLoadState("networkidle");
  expect(cspReports, "CSP violations reported by the browser").toEqual([]);
  await home.click();
  await expect(page).toHaveURL(`${baseUrl()}${t.homeHref}`);
  await expect(page.locator("html")).toHaveAttribute("lang", c.lang);
}

const cases: Case[] = [
  { path: "/nope", lang: "en", why: "an unknown page" },
  { path: "/es/nope", lang: "es", why: "an unknown page under /es" },
  { path: "/campaigns/does-not-exist", lang: "en", why: "an unknown campaign" },
  { path: "/es/campaigns/does-not-exist", lang: "es", why: "an unknown campaign under /es" },
  { path: "/a/b/c/d/e/f", lang: "en", why: "a deep unknown path" },
  { path: "/es/campaigns/does-not-exist/x/y/z", lang: "es", why: "a deep unknown path under a campaign" },
  { path: "/es/privacy/delete/x/y", lang: "es", why: "a deep unknown path under a real page" },
  { path: "/fr/nope", lang: "en", why: "a language the site does not have" },
  { path: "/dev/nope", lang: "en", why: "an unknown page beside the mailbox" },
  { path: "/nope", lang: "es", headers: { "Accept-Language": "es-MX,es;q=0.9" }, why: "a Spanish browser" },
  { path: "/nope/deeper", lang: "es", cookie: "es", why: "a visitor who chose Spanish before" },
  { path: "/wp-login.php", lang: "en", why: "a file that is not there", render: "no-proxy" },
  { path: "/old/page.html", lang: "es", cookie: "es", why: "a file that is not there, for a Spanish reader", render: "no-proxy" },
];

for (const c of cases) {
  test(`${c.why} (${c.path}, ${c.lang}) gets the app's own 404`, async ({ browser }) => {
    const context = await browser.newContext({
      baseURL: baseUrl(),
      locale: c.headers ? "es-MX" : "en-US",
      extraHTTPHeaders: c.headers,
    });
    if (c.cookie) await context.addCookies([{ name: "lang", value: c.cookie, url: baseUrl() }]);
    const page = await context.newPage();
    const cspReports = watchCsp(page);
    const response = await page.goto(c.path);
    await expectAppNotFound(page, response, c, cspReports);
    await context.close();
  });
}

test("the API answers an unknown address with its JSON error, in the caller's language", async ({ request }) => {
  for (const path of ["/api/v1/nope", "/api/nope", "/api/v1/campaigns/x/y/z", "/api/v2/campaigns"]) {
    for (const method of ["GET", "POST", "DELETE"] as const) {
      const response = await request.fetch(path, { method, ...(method === "POST" ? { data: {} } : {}) });
      expect(response.status(), `${method} ${path}`).toBe(404);
      expect(response.headers()["content-type"], `${method} ${path}`).toContain("application/json");
      expect(response.headers()["cache-control"]).toBe("no-store");
      expect(await response.json()).toEqual({
        error: { code: "not_found", message: "There is nothing at this address in the API. See /api/v1/campaigns." },
      });
    }
  }
  const es = await request.get("/api/v1/nope", { headers: { "Accept-Language": "es" } });
  expect(es.status()).toBe(404);
  expect(await es.json()).toEqual({
    error: { code: "not_found", message: "No hay nada en esta dirección de la API. Consulta /api/v1/campaigns." },
  });
});
