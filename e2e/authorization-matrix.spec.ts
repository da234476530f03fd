// The authorization matrix (issue 8, item 10): every workspace page, every form of a server
// action on them and every workspace route handler, tried by an anonymous visitor, by an
// organizer of another group and by a plain member of the group that owns the data. Each
// gets the sign-in page or a 404 (never the page), and nothing in the database changes:
// the app's own database is compared table by table before and after the attempts.
//
// Pages and routes are found on disk, so a page added later is walked without editing
// this file; what a page requires is read from its guard call (lib/auth/guard.ts), and a
// workspace page with no guard call fails the test.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { APIRequestContext, Browser, BrowserContext, Page } from "@playwright/test";
import { roleCan, type Permission } from "../lib/auth/permissions";
import { expect, Mailbox, newClientIp, test } from "./fixtures";
import { ROOT, MATRIX_APP_PORT, startApp, type Server } from "./servers";
import { signIn } from "./sign-in";

const WORKSPACE_DIR = path.join(ROOT, "app", "[locale]", "(workspace)");
const API_DIR = path.join(ROOT, "app", "api");
const GROUP = "cut-ties"; // the seeded group; admin@example.org owns it and is an admin
const OWNER = "admin@example.org";
const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
// Pages anyone may open: signing in, and an invitation's page (it asks to sign in first).
const OPEN_PAGES = [/^\/sign-in(\/|$)/, /^\/dashboard\/invites\//];
// Public route handlers (the API, health, webhooks, the 404 catch-all).
const PUBLIC_ROUTES = [/^\/api\/v1\//, /^\/api\/health$/, /^\/api\/webhooks\//, /^\/api\/\[\.\.\.path\]$/, /^\/api\/auth\//, /^\/api\/unsubscribe/];
// Tables a refused request may touch: rate-limit counters and sessions being read.
const VOLATILE_TABLES = new Set(["rate_limits", "sessions", "email_send_pace"]);

type Requirement = { kind: "admin" } | { kind: "permission"; permission: Permission } | { kind: "user" };

function files(dir: string, name: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? files(full, name) : e.name === name ? [full] : [];
  });
}

/** The URL template of a page or route file: route groups dropped, [params] kept. */
function template(file: string, base: string, prefix = ""): string {
  const segments = path.relative(base, path.dirname(file)).split(path.sep).filter((s) => s && !s.startsWith("("));
  return `${prefix}/${segments.join("/")}`.replace(/\/$/, "") || "/";
}

/** What a page or route asks of its caller, read from its guard call (or its layouts'). */
function requirement(file: string, stopAt: string): Requirement | null {
  for (let dir = path.dirname(file); dir.startsWith(stopAt); dir = path.dirname(dir)) {
    const candidates = dir === path.dirname(file) ? [file, path.join(dir, "layout.tsx")] : [path.join(dir, "layout.tsx")];
    for (const candidate of candidates) {
      if (!fs.existsSync(candidate)) continue;
      const text = fs.readFileSync(candidate, "utf8");
      if (/\b(requireAdmin|adminRoute)(?:<[^(]*>)?\(/.test(text)) return { kind: "admin" };
      const m = /\b(?:requireCampaign|requireGroup|campaignRoute|groupRoute)(?:<[^(]*>)?\([\s\S]*?"([a-z]+\.[a-z]+)"/.exec(text);
      if (m) return { kind: "permission", permission: m[1] as Permission };
      if (/\brequireUser\(/.test(text)) return { kind: "user" };
    }
  }
  return null;
}

function fill(urlTemplate: string, campaignId: string): { url: string; unknownId: boolean } {
  let unknownId = false;
  const url = urlTemplate.replace(/\[([^\]]+)\]/g, (_, name: string) => {
    if (name === "groupSlug") return GROUP;
    if (name === "campaignId") return campaignId;
    unknownId = true;
    return UNKNOWN_ID;
  });
  return { url, unknownId };
}

/** Every public table's row count and checksum, read from the stopped app's PGlite folder. */
async function snapshot(dataDir: string): Promise<Record<string, string>> {
  const db = new PGlite(dataDir);
  try {
    const tables = (await db.query<{ tablename: string }>("select tablename from pg_tables where schemaname = 'public' order by 1")).rows
      .map((r) => r.tablename)
      .filter((t) => !VOLATILE_TABLES.has(t));
    const out: Record<string, string> = {};
    for (const table of tables) {
      const [row] = (await db.query<{ h: string }>(
        `select count(*) || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${table}" x`,
      )).rows;
      out[table] = row.h;
    }
    return out;
  } finally {
    await db.close();
  }
}

type Actor = { name: "anonymous" | "outsider" | "member"; context: BrowserContext; page: Page; request: APIRequestContext };

async function person(browser: Browser, app: Server): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: app.url, extraHTTPHeaders: { "X-Forwarded-For": newClientIp() } });
  return { context, page: await context.newPage() };
}

let app: Server | undefined;
let dataDir = "";
let appOptions: Parameters<typeof startApp>[0];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "cut-ties-matrix-"));
  appOptions = {
    port: MATRIX_APP_PORT,
    logFile: path.join(dataDir, "..", `${path.basename(dataDir)}.log`),
    mailUrl: process.env.E2E_MAIL_URL!,
    dataDir,
  };
  app = await startApp(appOptions);
});

test.afterAll(async () => {
  await app?.stop();
  if (dataDir && process.env.E2E_KEEP !== "1") fs.rmSync(dataDir, { recursive: true, force: true });
});

test("every workspace page, action and route refuses the anonymous, another group and a plain member, and changes nothing", async ({ browser }) => {
  test.setTimeout(600_000);
  const pages = files(WORKSPACE_DIR, "page.tsx").map((file) => ({ file, template: template(file, WORKSPACE_DIR) }));
  const routes = [
    ...files(API_DIR, "route.ts").map((file) => ({ file, template: template(file, API_DIR, "/api") })),
    ...files(WORKSPACE_DIR, "route.ts").map((file) => ({ file, template: template(file, WORKSPACE_DIR) })),
  ].filter((r) => !PUBLIC_ROUTES.some((p) => p.test(r.template)) && !OPEN_PAGES.some((o) => o.test(r.template)));
  const guarded = pages.filter((p) => !OPEN_PAGES.some((o) => o.test(p.template)));
  const unguarded = [...guarded, ...routes].filter((p) => !requirement(p.file, path.join(ROOT, "app")));
  expect(unguarded.map((p) => p.template), "workspace pages and routes without a guard call").toEqual([]);
  expect(guarded.length).toBeGreaterThan(5);

  // The owner (and admin), an organizer of another group, and a plain member.
  const owner = await person(browser, app!);
  await signIn(owner.page, OWNER, { origin: app!.url, ip: null });
  const outsider = await person(browser, app!);
  const outsiderEmail = `outsider-${crypto.randomBytes(4).toString("hex")}@example.org`;
  await signIn(outsider.page, outsiderEmail, { origin: app!.url, ip: null });
  await outsider.page.getByLabel("Group name").fill(`Other group ${Date.now().toString(36)}`);
  await outsider.page.getByLabel("Postal address").fill("PO Box 1, Oakland, CA 94601");
  await outsider.page.getByLabel("Contact email").fill(outsiderEmail);
  await outsider.page.getByRole("button", { name: "Create the group" }).click();
  await expect(outsider.page.getByRole("link", { name: "New campaign" })).toBeVisible();

  const memberEmail = `member-${crypto.randomBytes(4).toString("hex")}@example.org`;
  await owner.page.goto(`/dashboard/groups/${GROUP}/members`);
  await owner.page.getByLabel("Email", { exact: true }).fill(memberEmail);
  await owner.page.getByLabel("Role", { exact: true }).selectOption("member");
  await owner.page.getByRole("button", { name: "Send the invitation" }).click();
  await expect(owner.page.getByText("Invitation sent.")).toBeVisible();
  const [invitation] = await new Mailbox().waitFor(memberEmail);
  const invite = invitation.text?.match(/https?:\/\/\S+\/dashboard\/invites\/[A-Za-z0-9_-]+/)?.[0];
  const member = await person(browser, app!);
  await member.page.goto(invite!);
  await signIn(member.page, memberEmail, { origin: app!.url, ip: null, via: "link" });
  await member.page.getByRole("button", { name: "Join" }).click();

  // A campaign of the group, and the forms of every page as its owner sees them.
  await owner.page.goto(`/dashboard/groups/${GROUP}`);
  const campaignHref = await owner.page.locator('main a[href*="/dashboard/campaigns/"]').first().getAttribute("href");
  const campaignId = /\/dashboard\/campaigns\/([0-9a-f-]{36})/.exec(campaignHref ?? "")?.[1];
  expect(campaignId, "a campaign of the seeded group on its page").toBeTruthy();

  type Form = { page: string; url: string; fields: [string, string][] };
  const forms: Form[] = [];
  const collectFrom: string[] = [];
  for (const p of guarded) {
    const { url, unknownId } = fill(p.template, campaignId!);
    if (unknownId || p.template === "/dashboard") continue;
    const response = await owner.page.goto(url);
    expect(response?.status(), `the owner opens ${url}`).toBe(200);
    collectFrom.push(url);
    // Confirmation steps (?confirm=…, ?remove=…) are the same page with a query: their forms too.
    const steps = await owner.page.$$eval("main a[href*='?']", (links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const step of steps) {
      const u = new URL(step);
      if (u.pathname === new URL(owner.page.url()).pathname && /(^|&)(confirm|remove)=/.test(u.search.slice(1))) collectFrom.push(u.pathname + u.search);
    }
  }
  for (const url of [...new Set(collectFrom)]) {
    await owner.page.goto(url);
    // The workspace bar's sign-out form is everyone's own: replaying it proves nothing.
    const found = await owner.page.$$eval("main form", (elements) =>
      elements.filter((form) => !form.closest("nav")).map((form) => ({
        action: form.getAttribute("action"),
        fields: [...new FormData(form as HTMLFormElement).entries()].filter((e): e is [string, string] => typeof e[1] === "string"),
      })),
    );
    for (const f of found) {
      if (!f.fields.some(([name]) => name.startsWith("$ACTION"))) continue; // a GET form (search, filters)
      forms.push({ page: url, url: new URL(f.action || url, app!.url).pathname, fields: f.fields });
    }
  }
  expect(forms.length, "server-action forms found on the workspace pages").toBeGreaterThan(3);

  // The database as it stands, then every attempt, then the database again.
  await app!.stop();
  const before = await snapshot(dataDir);
  app = await startApp(appOptions);

  const anonymous = await person(browser, app!);
  const actors: Actor[] = [
    { name: "anonymous", ...anonymous, request: anonymous.context.request },
    { name: "outsider", ...outsider, request: outsider.context.request },
    { name: "member", ...member, request: member.context.request },
  ];
  const seen: string[] = [];
  for (const actor of actors) {
    for (const p of guarded) {
      const { url, unknownId } = fill(p.template, campaignId!);
      if (p.template === "/dashboard" && actor.name !== "anonymous") continue; // everyone's own dashboard
      const response = await actor.page.goto(url);
      const status = response?.status();
      const landed = new URL(actor.page.url()).pathname;
      const need = requirement(p.file, path.join(ROOT, "app"))!;
      let allowed = false;
      if (actor.name === "member" && need.kind === "permission") allowed = roleCan("member", need.permission) && !unknownId;
      if (actor.name === "member" && need.kind === "user") allowed = true;
      if (actor.name === "anonymous") expect(landed, `${actor.name} opens ${url}`).toMatch(/\/sign-in$/);
      else expect(status, `${actor.name} opens ${url}`).toBe(allowed ? 200 : 404);
      seen.push(`${actor.name} GET ${url} → ${status} ${landed}`);
    }
    for (const r of routes) {
      const { url } = fill(r.template, campaignId!);
      const need = requirement(r.file, path.join(ROOT, "app"))!;
      const allowed = actor.name === "member" && need.kind === "permission" && roleCan("member", need.permission);
      for (const method of ["GET", "POST"] as const) {
        const response = await actor.request.fetch(url, { method, headers: { Origin: app!.url }, maxRedirects: 0 });
        if (allowed && method === "GET") continue;
        expect([401, 403, 404, 405], `${actor.name} ${method} ${url}`).toContain(response.status());
      }
    }
    for (const form of forms) {
      const body = new FormData();
      for (const [name, value] of form.fields) body.append(name, value);
      const response = await actor.request.post(form.url, { multipart: body, headers: { Origin: app!.url }, maxRedirects: 0 });
      expect(response.status(), `${actor.name} replays a form of ${form.page}`).toBeLessThan(500);
      seen.push(`${actor.name} POST ${form.url} [${form.fields.map(([n]) => n).filter((n) => !n.startsWith("$")).join(",")}] → ${response.status()}`);
    }
  }
  await test.info().attach("attempts.txt", { body: seen.join("\n"), contentType: "text/plain" });
  console.log(`[matrix] ${guarded.length} pages, ${routes.length} routes, ${forms.length} action forms; ${seen.length} attempts`);
  if (process.env.E2E_MATRIX_LOG) fs.writeFileSync(process.env.E2E_MATRIX_LOG, seen.join("\n"));

  await app!.stop();
  const after = await snapshot(dataDir);
  app = await startApp(appOptions);
  expect(after, "the database after every refused attempt").toEqual(before);
  for (const actor of actors) await actor.context.close();
  await owner.context.close();
});
