// People who sign may be immigrants: the pages load nothing from anyone else, run no
// script the server did not vouch for (CSP nonce), and tell no other site where a
// visitor came from.
import { CAMPAIGNS, baseUrl, expect, newClientIp, newSigner, test } from "./fixtures";

const pages = ["/", `/campaigns/${CAMPAIGNS.phone.slug}`, "/es", `/es/campaigns/${CAMPAIGNS.spanish.slug}`];

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name.toLowerCase(), values]),
  );
}

for (const path of pages) {
  test(`${path} loads only from its own origin, under a nonce-based CSP`, async ({ page }) => {
    const origin = new URL(baseUrl()).origin;
    const requested: string[] = [];
    const cspErrors: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    page.on("websocket", (ws) => requested.push(ws.url()));
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) cspErrors.push(m.text());
    });

    const response = await page.goto(path, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    // Anything loaded lazily further down the page counts too.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState("networkidle");

    const elsewhere = requested.filter((u) => /^(https?|wss?):/.test(u) && new URL(u).origin !== origin);
    expect(elsewhere, "requests to other origins").toEqual([]);
    expect(requested.length).toBeGreaterThan(1); // the document and its own scripts/styles

    const headers = response!.headers();
    // Other sites never learn which page a visitor came from (same-origin, not
    // no-referrer: a no-JS form post needs its Origin for the server action check).
    expect(headers["referrer-policy"]).toBe("same-origin");
    const csp = directives(headers["content-security-policy"] ?? "");
    const scriptSrc = csp.get("script-src") ?? [];
    const nonce = scriptSrc.find((v) => v.startsWith("'nonce-"))?.slice("'nonce-".length, -1);
    expect(nonce, `a nonce in script-src: ${scriptSrc.join(" ")}`).toBeTruthy();
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);

    const scripts = await page.locator("script").evaluateAll((els) =>
      (els as HTMLScriptElement[]).map((s) => ({ src: s.src, nonce: s.nonce, type: s.type })),
    );
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      if (script.src) expect(new URL(script.src).origin, `<script src="${script.src}">`).toBe(origin);
      if (!script.type || /javascript|module/.test(script.type)) expect(script.nonce, `nonce of <script ${script.src}>`).toBe(nonce);
    }
    expect(cspErrors, "CSP violations reported by the browser").toEqual([]);

    // A new nonce for every response, also when the page comes from the page cache
    // (X-Cache: HIT; a copy lives two seconds, so ask until one is there).
    const pageLoad = { accept: "text/html", "sec-fetch-dest": "document" };
    let again = await page.request.get(path, { headers: pageLoad });
    await expect
      .poll(async () => (again = await page.request.get(path, { headers: pageLoad })).headers()["x-cache"], { timeout: 20_000 })
      .toBe("HIT");
    const againNonce = /'nonce-([^']+)'/.exec(again.headers()["content-security-policy"] ?? "")?.[1];
    expect(againNonce).toBeTruthy();
    expect(againNonce).not.toBe(nonce);
    const againHtml = await again.text();
    expect(againHtml).toContain(`nonce="${againNonce}"`);
    expect(againHtml).not.toContain(nonce!);
  });
}

test("the confirmation email links only to the app itself", async ({ api, mail }) => {
  const s = newSigner("Privada", "Paz");
  expect((await api.sign(CAMPAIGNS.phone.slug, { fullName: s.fullName, email: s.email }, { ip: newClientIp() })).status()).toBe(202);
  const [email] = await mail.waitFor(s.email);
  const links = [...(email.html ?? "").matchAll(/\b(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) expect(link.startsWith(`${baseUrl()}/`), link).toBe(true);
  expect(email.html).not.toMatch(/<img\b/i);
});
