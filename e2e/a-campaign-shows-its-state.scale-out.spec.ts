// A campaign's states as the public sees them, on a phone (390 px): live, with signing
// frozen, past its end date (closed before any job ran), won with its victory note,
// and its signers' data purged with the count kept. The organizer drives every change
// from the overview; the admin's approval stands in as one SQL update (the moderation
// pages are another part's). Runs in the "scale-out" project (PostgreSQL), on an app of
// its own, so the test can move the clock-bound state (the end date) directly.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { Api, confirmLink, expect, newClientIp, newSigner, test } from "./fixtures";
import { expectAccessible } from "./axe";
import { signIn } from "./sign-in";
import { startApp, type Server, STATES_APP_PORT } from "./servers";
import { confirmStep, fillCampaign, screenshot, uniqueSlug } from "./campaign-editor";

const serverUrl = process.env.DATABASE_URL;
const databaseName = `cut_ties_e2e_states_${randomBytes(6).toString("hex")}`;
const PORT = STATES_APP_PORT;
let app: Server | undefined;
let sql: postgres.Sql | undefined;
let tempDir = "";

test.beforeAll(async () => {
  test.setTimeout(240_000);
  if (!serverUrl) throw new Error("The scale-out project needs DATABASE_URL.");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${databaseName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  sql = postgres(url.toString(), { max: 2, onnotice: () => {} });
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "cut-ties-states-"));
  app = await startApp({ port: PORT, databaseUrl: url.toString(), mailUrl: process.env.E2E_MAIL_URL!, logFile: path.join(tempDir, "app.log") });
});

test.afterAll(async () => {
  await app?.stop();
  await sql?.end({ timeout: 5 });
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
  await admin.end();
  if (tempDir && process.env.E2E_KEEP !== "1") fs.rmSync(tempDir, { recursive: true, force: true });
});

test("a campaign shows its state to everyone, on a phone", async ({ page, browser, request, mail }) => {
  test.setTimeout(180_000);
  const origin = app!.url;
  const email = `organizer.${Date.now().toString(36)}@example.org`;
  await signIn(page, email, { origin });
  // Her group: an owner's membership made directly, as group pages are another part's.
  await sql!`with g as (insert into groups (slug, name) values (${`states-${Date.now().toString(36)}`}, 'Campus Coalition') returning id)
             insert into group_members (group_id, user_id, role) select g.id, u.id, 'owner' from g, users u where u.email = ${email}`;
  const [group] = await sql!<{ slug: string }[]>`select g.slug from groups g join group_members m on m.group_id = g.id join users u on u.id = m.user_id where u.email = ${email}`;

  const slug = uniqueSlug("motorola-cut-ties");
  await page.goto(`${origin}/dashboard/groups/${group.slug}/campaigns/new`);
  await fillCampaign(page, { title: "Motorola: cut ties with CBP", slug, company: "Motorola Solutions", ask: "Motorola must end its CBP contracts.", story: "Motorola sells **surveillance towers** to CBP." });
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page.getByText("The draft is saved.")).toBeVisible();
  const overview = page.url().replace(/\?.*$/, "");
  await confirmStep(page, "Submit for review");
  await expect(page.getByText("State: Waiting for review")).toBeVisible();
  // The admin approves (moderation's action, standing in as SQL).
  await sql!`update campaigns set status = 'live', published_at = now() where slug = ${slug}`;

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const visitor = await phone.newPage();
  const publicPage = `${origin}/campaigns/${slug}`;
  const look = async (expectText: string | RegExp, shot: string) => {
    await expect(async () => {
      await visitor.goto(publicPage);
      await expect(visitor.getByText(expectText).first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expectAccessible(visitor, `the public page, ${shot}`);
    await screenshot(visitor, `390-public-${shot}`);
  };
  await look("Motorola must end its CBP contracts.", "live");
  await expect(visitor.getByRole("button", { name: "Sign" })).toBeVisible();

  // A supporter signs and confirms, so there is a count to keep.
  const api = new Api(request, origin);
  const signer = newSigner("Lucía", "Ramos");
  expect((await api.sign(slug, { fullName: signer.fullName, email: signer.email, showName: true }, { ip: newClientIp() })).status()).toBe(202);
  const link = confirmLink((await mail.waitFor(signer.email))[0]);
  await visitor.goto(link.replace(/^https?:\/\/[^/]+/, origin));
  await visitor.getByRole("button", { name: "Confirm my signature" }).click();
  await look(signer.publicName, "live-with-signer");

  // Freeze: the page says so, and the API refuses with a clear message.
  await page.goto(overview);
  await confirmStep(page, "Freeze signing");
  await expect(page.getByText("Signing is frozen.")).toBeVisible();
  await look("Signing is paused on this campaign for now.", "frozen");
  await expect(visitor.getByRole("button", { name: "Sign" })).toHaveCount(0);
  const refused = await api.sign(slug, { fullName: "Pablo Soto", email: "pablo@example.com" }, { ip: newClientIp() });
  expect(refused.status()).toBe(409);
  expect(JSON.stringify(await refused.json())).toContain("paused");
  await confirmStep(page, "Unfreeze signing");

  // Hide all names: the recent signers list empties.
  await confirmStep(page, "Hide all names");
  await look("Be the first to sign publicly.", "names-hidden");

  // Past its end date: closed on the page at once, whether or not the job has run.
  await sql!`update campaigns set ends_at = now() - interval '1 minute' where slug = ${slug}`;
  await look("This campaign is closed.", "closed");
  await expect(visitor.getByRole("button", { name: "Sign" })).toHaveCount(0);
  await page.goto(overview);
  await expect(page.getByText("Its end date has passed")).toBeVisible();
  await screenshot(page, "1280-overview-expired");

  // Victory, with a note in both languages.
  await page.getByRole("link", { name: "Declare victory" }).click();
  // The note is required (the browser says so first; the server checks it too: safety.db.test.ts).
  await expect(page.getByLabel("Victory note", { exact: true })).toHaveAttribute("required", "");
  await page.getByLabel("Victory note", { exact: true }).fill("Motorola announced it will not renew the CBP tower contract.");
  await page.getByLabel("Victory note in Spanish (optional)").fill("Motorola anunció que no renovará el contrato de torres con CBP.");
  await page.getByRole("button", { name: "Declare victory" }).click();
  await expect(page.getByText("Victory declared.")).toBeVisible();
  await screenshot(page, "1280-overview-won");
  await look("Motorola announced it will not renew", "won");
  await visitor.goto(`${origin}/es/campaigns/${slug}`);
  await expect(visitor.getByText("Motorola anunció que no renovará")).toBeVisible();
  await screenshot(visitor, "390-public-won-es");

  // Purge: names and addresses gone, the count kept.
  await confirmStep(page, "Delete signers’ personal data");
  await expect(page.getByText("The signers’ personal data is deleted.")).toBeVisible();
  await expect(page.getByText("1 confirmed signature")).toBeVisible();
  const [left] = await sql!<{ named: number; total: number }[]>`
    select count(*) filter (where s.email <> '' or s.full_name <> '')::int as named, count(*)::int as total
    from signatures s join campaigns c on c.id = s.campaign_id where c.slug = ${slug}`;
  expect(left).toEqual({ named: 0, total: 1 });
  expect((await api.campaign(slug)).confirmedCount).toBe(1);
  const actions = await sql!<{ action: string }[]>`select a.action from audit_log a join campaigns c on c.id = a.campaign_id where c.slug = ${slug} order by a.id`;
  expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining([
    "campaign.created", "campaign.submitted", "campaign.signing_frozen", "campaign.signing_unfrozen",
    "campaign.names_hidden", "campaign.won", "campaign.personal_data_purged",
  ]));
  await phone.close();
});
