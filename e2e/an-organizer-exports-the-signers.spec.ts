// An organizer finds, exports and removes signers, reads the stats and prints the
// delivery packet. The spec runs an app of its own on an embedded database it fills
// before the app opens it: a group, its organizer and a campaign with signers of every
// kind, whose id the pages need (nothing public shows a campaign's id).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { signIn } from "./sign-in";
import { ROOT, SIGNERS_APP_PORT, startApp, type Server } from "./servers";

test.describe.configure({ mode: "serial" });

const ORGANIZER = "exporter@example.org";
const SLUG = "signers-e2e-campaign";
const signers = [
  // name, email, status, show name, referred by, opted in
  ["Ana Ortiz", "ana@example.org", "validated", true, null, true],
  ["Sam Okafor", "sam@example.org", "validated", false, "abc123", false],
  ["=HYPERLINK(\"http://evil.example\")", "formula@example.org", "validated", true, null, false],
  ["Lee Pending", "lee@example.org", "pending", true, null, false],
] as const;

let app: Server;
let campaignId: string;
let tempDir: string;

test.beforeAll(async () => {
  // Opening a fresh PGlite folder twice (here, then the app) takes a while on a busy machine.
  test.setTimeout(240_000);
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "cut-ties-signers-e2e-"));
  const dataDir = path.join(tempDir, "data");
  fs.mkdirSync(dataDir, { recursive: true });
  // Migrated and filled here, then closed: one process at a time on a PGlite folder.
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const pglite = new PGlite(dataDir);
  await migrate(drizzle({ client: pglite }), { migrationsFolder: path.join(ROOT, "db", "migrations") });
  const one = async <T>(query: string, params: unknown[] = []) => (await pglite.query<T>(query, params)).rows[0];
  const user = await one<{ id: string }>(`insert into users (email, name, email_verified) values ($1, 'Exporter', now()) returning id`, [ORGANIZER]);
  const group = await one<{ id: string }>(`insert into groups (slug, name) values ('signers-e2e', 'Signers e2e group') returning id`);
  await pglite.query(`insert into group_members (group_id, user_id, role) values ($1, $2, 'organizer')`, [group.id, user.id]);
  const company = await one<{ id: string }>(`insert into companies (slug, name) values ('acme-e2e', 'Acme Surveillance') returning id`);
  const campaign = await one<{ id: string }>(
    `insert into campaigns (slug, group_id, status, title, title_es, ask, story, published_at)
     values ($1, $2, 'live', 'Acme: drop the ICE contract', 'Acme: fin al contrato con ICE', 'End every contract with ICE.', 'Why.', now()) returning id`,
    [SLUG, group.id],
  );
  campaignId = campaign.id;
  await pglite.query(`insert into campaign_targets (campaign_id, company_id) values ($1, $2)`, [campaignId, company.id]);
  for (const [i, [name, email, status, show, ref, optedIn]] of signers.entries()) {
    await pglite.query(
      `insert into signatures (campaign_id, status, full_name, email, email_canonical, show_name, referral_code, referred_by,
                               updates_consent_at, updates_consent_text, created_at, validated_at)
       values ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, now() - make_interval(mins => $10), $11)`,
      [campaignId, status, name, email, show, `e2e${i}`, ref, optedIn ? new Date() : null, optedIn ? "Send me updates" : null,
        60 - i, status === "validated" ? new Date() : null],
    );
  }
  await pglite.query(`insert into signature_count_shards (campaign_id, shard, confirmed) values ($1, 0, 3)`, [campaignId]);
  await pglite.close();
  const mailUrl = process.env.E2E_MAIL_URL;
  if (!mailUrl) throw new Error("E2E_MAIL_URL is not set: run through `npx playwright test`");
  app = await startApp({ port: SIGNERS_APP_PORT, dataDir, mailUrl, logFile: path.join(tempDir, "app.log") });
});

test.afterAll(async () => {
  await app?.stop();
  fs.rmSync(tempDir, { recursive: true, force: true });
});

const signersPath = () => `/dashboard/campaigns/${campaignId}/signers`;
const count = async (page: Page): Promise<number> =>
  (await (await page.request.get(`${app.url}/api/v1/campaigns/${SLUG}`)).json()).data.confirmedCount;

test("an organizer exports the signers", async ({ page }) => {
  await signIn(page, ORGANIZER, { origin: app.url });
  await page.goto(`${app.url}${signersPath()}`);
  await expect(page.getByRole("heading", { name: "Signers of Acme: drop the ICE contract" })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("ana@example.org");
  await expect(page.getByText("4 signers match.")).toBeVisible();
  await expectAccessible(page, "the signers table");

  // Search by a surname: a GET form, so the filter is in the address.
  await page.getByLabel("Search by name or email").fill("okafor");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/q=okafor/);
  await expect(page.getByRole("table").getByRole("rowheader")).toHaveText(["Sam Okafor"]);
  await page.getByRole("link", { name: "Clear" }).click();

  const exportLink = page.getByRole("link", { name: "Export CSV (3 confirmed signers)" });
  const downloading = page.waitForEvent("download");
  await exportLink.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^signers-e2e-campaign-signers-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  expect(rows.map((r) => r.email).sort()).toEqual(["ana@example.org", "formula@example.org", "sam@example.org"]);
  // A spreadsheet shows the formula as text: the cell starts with a quote.
  expect(rows.find((r) => r.email === "formula@example.org")!.full_name).toBe("'=HYPERLINK(\"http://evil.example\")");
  expect(rows.find((r) => r.email === "ana@example.org")).toMatchObject({ opted_in_to_updates: "yes", came_through: "direct" });

  // The filter on screen is the filter of the export.
  const shared = await page.request.get(`${app.url}${signersPath()}/export?source=shared`);
  expect(shared.headers()["content-type"]).toContain("text/csv");
  expect((parse((await shared.text()).replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[]).map((r) => r.email)).toEqual(["sam@example.org"]);
});

test("an organizer removes a signer who asked, and the count drops by one", async ({ page, browser }) => {
  await signIn(page, ORGANIZER, { origin: app.url });
  const before = await count(page);
  await page.goto(`${app.url}${signersPath()}`);
  await page.getByRole("link", { name: "Remove Sam Okafor" }).click();
  await expect(page.getByRole("heading", { name: "Remove a signer at their request" })).toBeVisible();
  await expect(page.getByText("This deletes Sam Okafor (sam@example.org)")).toBeVisible();
  await page.getByRole("button", { name: "Remove this signer" }).click();
  await expect(page.getByRole("status")).toHaveText("The signer was removed and the count lowered by one.");
  await expect(page.getByRole("table")).not.toContainText("sam@example.org");
  expect(await count(page)).toBe(before - 1);

  // Without JavaScript too: the pending signer goes, the count stays.
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await noJs.newPage();
  await plain.goto(`${app.url}${signersPath()}?status=pending`);
  await plain.getByRole("link", { name: "Remove Lee Pending" }).click();
  await plain.getByRole("button", { name: "Remove this signer" }).click();
  await expect(plain.getByRole("status")).toHaveText("The signer was removed. The signature was not confirmed, so the count is unchanged.");
  await expect(plain).toHaveURL(/status=pending/);
  await noJs.close();
  expect(await count(page)).toBe(before - 1);
});

test("an organizer reads the stats and prints the delivery packet", async ({ page }) => {
  await signIn(page, ORGANIZER, { origin: app.url });
  await page.goto(`${app.url}/dashboard/campaigns/${campaignId}/stats`);
  await expect(page.getByRole("heading", { name: "Signatures per day" })).toBeVisible();
  await expect(page.getByRole("img")).toHaveCount(1);
  await expect(page.getByText("of signatures are confirmed")).toBeVisible();
  await expectAccessible(page, "the stats page");

  await page.goto(`${app.url}/dashboard/campaigns/${campaignId}/packet`);
  await expect(page.getByRole("heading", { name: "Acme: drop the ICE contract" })).toBeVisible();
  await expect(page.getByText("To Acme Surveillance")).toBeVisible();
  const article = page.getByRole("article");
  await expect(article).toContainText("Ana");
  await expect(article).not.toContainText("Ortiz");
  await expect(article).not.toContainText("@");
  await expect(page.getByRole("heading", { name: "What the target sells to immigration enforcement" })).toBeVisible();
  await expect(article).toContainText("No cited contract facts about the target yet."); // a company of its own, no dataset entry
  await expectAccessible(page, "the delivery packet");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(article).toBeVisible();

  await page.emulateMedia({ media: "screen" });
  // In Spanish, the workspace names the campaign by its Spanish title.
  await page.goto(`${app.url}/es/dashboard/campaigns/${campaignId}/signers`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Firmantes de Acme: fin al contrato con ICE");
  await expectAccessible(page, "the signers table in Spanish");
  await page.goto(`${app.url}/es/dashboard/campaigns/${campaignId}/stats`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cifras de Acme: fin al contrato con ICE");
  await page.goto(`${app.url}/es/dashboard/campaigns/${campaignId}/packet`);
  await expect(page.getByRole("heading", { name: "Acme: fin al contrato con ICE" })).toBeVisible();
});
