// What a hostile client tries against the server `npm start` runs, and what it gets:
// it cannot choose its own address, cannot read the mail-capture mailbox, and its
// requests that Next.js would answer with a 500 (undecodable paths, huge or unsized
// bodies, posts from another site) get a clear 4xx in the visitor's language.
// Each part runs its own app (embedded database, mail capture, a small per-IP limit),
// because these settings differ from the shared app's.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { CAMPAIGNS, waitForRoomInWindow } from "./fixtures";
import { OWN_APP_PORTS, startApp, type Server } from "./servers";

test.describe.configure({ mode: "serial" });

const LIMIT = 3; // signatures per address and hour (the hard, sustained limit), for these apps only
const slug = CAMPAIGNS.pledge.slug;
let seq = 0;
const email = () => `hostile-${process.pid}-${Date.now()}-${++seq}@example.org`;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A raw HTTP request, so the test decides every header (Host, Origin, Transfer-Encoding…). */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    if (options.chunked && options.body) {
      // Two writes with no Content-Length: Node sends them chunked.
      const half = Math.floor(options.body.length / 2);
      req.write(options.body.slice(0, half));
      req.end(options.body.slice(half));
    } else {
      req.end(options.body);
    }
  });
}

function sign(app: Server, headers: Record<string, string> = {}) {
  return send(`${app.url}/api/v1/campaigns/${slug}/signatures`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ fullName: "Pat Hostile", email: email() }),
  });
}

async function ownApp(name: string, port: number, extraEnv: Record<string, string>): Promise<Server> {
  const dir = fs.mkdtempSync(path.join(process.env.E2E_TEMP_DIR ?? os.tmpdir(), `${name}-`));
  return startApp({
    port,
    dataDir: path.join(dir, "data"),
    logFile: path.join(dir, "app.log"),
    mailUrl: process.env.E2E_MAIL_URL!,
    // No key in embedded mode: mail capture, the mode these tests are about.
    extraEnv: { RESEND_API_KEY: "", SIGN_LIMIT_PER_IP_SUSTAINED: `${LIMIT}/3600`, ...extraEnv },
  });
}

/** This machine's address on a network interface other than loopback. */
function outsideAddress(): string {
  const address = Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
  if (!address) throw new Error("This test needs a network interface other than loopback, to reach the app as another machine would.");
  return address;
}

const noStackTrace = (body: string) => expect(body).not.toMatch(/\n\s+at |node_modules|Error:/);

test.describe("with no proxy trusted (the default)", () => {
  let app: Server;
  test.beforeAll(async () => {
    app = await ownApp("no-proxy", OWN_APP_PORTS[0], { TRUST_PROXY: "" });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("a client that writes its own X-Forwarded-For is still one client", async () => {
    await waitForRoomInWindow(3600);
    for (let i = 1; i <= LIMIT; i++) {
      const answer = await sign(app, { "x-forwarded-for": `198.51.100.${i}` });
      expect(answer.status, `signature ${i} of ${LIMIT}`).toBe(202);
    }
    for (const forged of ["198.51.100.99", "203.0.113.7, 198.51.100.100", "2001:db8::1"]) {
      expect((await sign(app, { "x-forwarded-for": forged, forwarded: `for=${forged}`, "x-real-ip": forged })).status, forged).toBe(429);
    }
  });

  test("the mailbox opens only for this machine, through no proxy", async ({ browser }) => {
    // The signatures above were kept, not sent: wait until one has been rendered into
    // the mailbox (a row is listed, with its address, as soon as it is queued).
    await expect
      .poll(async () => (await send(`${app.url}/dev/mailbox`)).body, { timeout: 30_000 })
      .toMatch(/\/confirm\//);
    const local = await send(`${app.url}/dev/mailbox`);
    expect(local.status).toBe(200);
    expect(local.body).toMatch(/hostile-[\d-]+@example\.org/);

    const refusals: [string, Record<string, string>][] = [
      ["X-Forwarded-For", { "x-forwarded-for": "127.0.0.1" }],
      ["Forwarded", { forwarded: "for=127.0.0.1" }],
      ["X-Real-IP", { "x-real-ip": "127.0.0.1" }],
      ["a proxy's header and a forged internal one", { "x-forwarded-for": "127.0.0.1", "x-cut-ties-local-request": "1" }],
    ];
    for (const [what, headers] of refusals) {
      const answer = await send(`${app.url}/dev/mailbox`, { headers });
      expect(answer.status, what).toBe(404);
      expect(answer.body, what).not.toMatch(/@example\.org|\/confirm\/|Mailbox/);
    }
    const outside = `http://${outsideAddress()}:${OWN_APP_PORTS[0]}/dev/mailbox`;
    for (const headers of [{}, { "x-cut-ties-local-request": "1" }] as Record<string, string>[]) {
      const answer = await send(outside, { headers });
      expect(answer.status).toBe(404);
      expect(answer.body).not.toMatch(/@example\.org|\/confirm\/|Mailbox/);
    }

    // A stranger sees the app's not-found page, in their language.
    const context = await browser.newContext({ locale: "es-ES", extraHTTPHeaders: { "x-forwarded-for": "203.0.113.9" } });
    const page = await context.newPage();
    const response = await page.goto(`${app.url}/dev/mailbox`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Página no encontrada" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    await expect(page.getByText(/@example\.org/)).toHaveCount(0);
    await context.close();
  });

  test("every page says mail is not being sent, in English and Spanish", async ({ page }) => {
    await page.goto(`${app.url}/campaigns/${slug}`);
    await expect(page.getByText("Mail is not being sent: this server is in mail-capture mode.")).toBeVisible();
    await page.goto(`${app.url}/es`);
    await expect(page.getByText("No se está enviando correo: este servidor está en modo de captura de correo.")).toBeVisible();
  });

  test("the log says an email was kept, never to whom or its links", async () => {
    await expect.poll(() => fs.readFileSync(app.logFile, "utf8"), { timeout: 30_000 }).toMatch(/\[mail-capture\] kept \d+ emails?, not sent/);
    const log = fs.readFileSync(app.logFile, "utf8");
    expect(log).not.toMatch(/@example\.org/);
    expect(log).not.toMatch(/\/confirm\/|\/privacy\/delete\//);
  });

  test("an undecodable path gets a 400 page in the visitor's language, not a 500", async () => {
    const cases: [string, Record<string, string>, "en" | "es", RegExp][] = [
      ["/campaigns/%ff", {}, "en", /This address is not valid/],
      [`/campaigns/${slug}/confirm/%C0%AE`, {}, "en", /This address is not valid/],
      ["/es/%E0%A4%A", {}, "es", /Esta dirección no es válida/],
      ["/campaigns/%ff", { "accept-language": "es-MX,es;q=0.9" }, "es", /Esta dirección no es válida/],
    ];
    for (const [url, headers, lang, text] of cases) {
      const answer = await send(`${app.url}${url}`, { headers });
      expect(answer.status, url).toBe(400);
      expect(answer.body).toContain(`<html lang="${lang}">`);
      expect(answer.body).toMatch(text);
      expect(answer.body).not.toContain("<script");
      noStackTrace(answer.body);
    }
    const api = await send(`${app.url}/api/v1/campaigns/%ff`);
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({ error: { code: "invalid", message: expect.stringMatching(/not valid/) } });
  });

  test("a body over 1 MB gets 413, one of unknown length 411, pages and API alike", async () => {
    const big = "a".repeat(1024 * 1024 + 1);
    const form = await send(`${app.url}/es/campaigns/${slug}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url },
      body: `comment=${big}`,
    });
    expect(form.status).toBe(413);
    expect(form.body).toContain('<html lang="es">');
    expect(form.body).toMatch(/Lo que enviaste es demasiado grande/);
    noStackTrace(form.body);

    const api = await send(`${app.url}/api/v1/campaigns/${slug}/signatures`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fullName: "Big Body", email: email(), comment: big }),
    });
    expect(api.status).toBe(413);
    expect(JSON.parse(api.body)).toMatchObject({ error: { code: "too_large" } });

    const chunked = await send(`${app.url}/campaigns/${slug}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: app.url },
      body: "fullName=x&email=y",
      chunked: true,
    });
    expect(chunked.status).toBe(411);
    expect(chunked.body).toContain('<html lang="en">');
    noStackTrace(chunked.body);
  });

  test("a post to a page from another site gets a 403 page, not a 500", async () => {
    for (const [prefix, lang, text] of [
      ["", "en", /This form was sent from another site/],
      ["/es", "es", /Este formulario se envió desde otro sitio/],
    ] as const) {
      // The sign form as a browser without JavaScript posts it (its server action's hidden fields).
      const url = `${app.url}${prefix}/campaigns/${slug}`;
      const html = (await send(url)).body;
      const form = new FormData();
      for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)) {
        form.append(name, (value ?? "").replaceAll("&quot;", '"').replaceAll("&amp;", "&"));
      }
      expect([...form.keys()].some((k) => k.startsWith("$ACTION"))).toBe(true);
      form.append("fullName", "Pat Elsewhere");
      form.append("email", email());
      const encoded = new Request(url, { method: "POST", body: form });
      const headers = { "content-type": encoded.headers.get("content-type")!, origin: "https://evil.example" };
      const answer = await send(url, { method: "POST", headers, body: Buffer.from(await encoded.arrayBuffer()) });
      expect(answer.status, url).toBe(403);
      expect(answer.body).toContain(`<html lang="${lang}">`);
      expect(answer.body).toMatch(text);
      noStackTrace(answer.body);
    }
  });
});

test.describe("with TRUST_PROXY=loopback (a proxy on this machine)", () => {
  let app: Server;
  test.beforeAll(async () => {
    app = await ownApp("loopback-proxy", OWN_APP_PORTS[1], { TRUST_PROXY: "loopback" });
  });
  test.afterAll(async () => {
    await app?.stop();
  });

  test("the address the proxy appended counts, not one the client wrote before it", async () => {
    await waitForRoomInWindow(3600);
    // The client forged a different leftmost entry each time; the proxy appended what it saw.
    for (let i = 1; i <= LIMIT; i++) {
      const answer = await sign(app, { "x-forwarded-for": `10.9.9.${i}, 203.0.113.50` });
      expect(answer.status, `signature ${i} of ${LIMIT}`).toBe(202);
    }
    expect((await sign(app, { "x-forwarded-for": "10.9.9.99, 203.0.113.50" })).status).toBe(429);
    // Another client behind the same proxy is another address.
    expect((await sign(app, { "x-forwarded-for": "203.0.113.51" })).status).toBe(202);
    expect((await sign(app, { "x-forwarded-for": "2001:db8:1:2::7" })).status).toBe(202);
  });
});
