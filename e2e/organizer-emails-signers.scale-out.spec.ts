// An organizer emails her signers: writes an update in English and Spanish, previews it,
// sends a test to herself, sends it; each signer gets it once, in their language, with
// RFC 8058 one-click unsubscribe and a footer page whose GET changes nothing.
// On PostgreSQL (the scale-out project): the test reads the seeded campaign's id and adds
// signers and the organizer's membership with SQL, then does everything else in Chromium.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { expectAccessible } from "./axe";
import { CAMPAIGNS, expect, Mailbox, test } from "./fixtures";
import { startApp, UPDATES_APP_PORT, type Server } from "./servers";
import { signIn } from "./sign-in";

const serverUrl = process.env.DATABASE_URL;
const databaseName = `cut_ties_e2e_updates_${randomBytes(6).toString("hex")}`;
const tag = randomBytes(4).toString("hex");
const organizer = `organizer-${tag}@example.org`;
const signers = { en: `ana-${tag}@example.org`, es: `luis-${tag}@example.org`, no: `quiet-${tag}@example.org` };
let app: Server | undefined;
let tempDir = "";
let sql: postgres.Sql | undefined;
let campaignId = "";

test.beforeAll(async () => {
  test.setTimeout(240_000);
  if (!serverUrl) throw new Error("The scale-out project needs DATABASE_URL.");
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${databaseName}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "cut-ties-updates-"));
  app = await startApp({ port: UPDATES_APP_PORT, logFile: path.join(tempDir, "app.log"), databaseUrl: url.toString(), mailUrl: process.env.E2E_MAIL_URL! });
  sql = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const [campaign] = await sql`select id, group_id from campaigns where slug = ${CAMPAIGNS.phone.slug}`;
  campaignId = campaign.id;
  const [user] = await sql`insert into users (email, name, email_verified) values (${organizer}, 'Organizer', now()) returning id`;
  await sql`insert into group_members (group_id, user_id, role) values (${campaign.group_id}, ${user.id}, 'organizer')`;
  await sql`update groups set postal_address = 'PO Box 4411, Oakland, CA 94601' where id = ${campaign.group_id}`;
  for (const [lang, email, consent] of [["en", signers.en, true], ["es", signers.es, true], ["en", signers.no, false]] as const) {
    await sql`insert into signatures (campaign_id, status, full_name, email, email_canonical, locale, referral_code, updates_consent_text, updates_consent_at, validated_at)
      values (${campaignId}, 'validated', 'Signer', ${email}, ${email}, ${lang}, ${`r${randomBytes(5).toString("hex")}`},
              ${consent ? "Email me updates" : null}, ${consent ? new Date() : null}, now())`;
  }
});

test.afterAll(async () => {
  await sql?.end({ timeout: 5 });
  await app?.stop();
  const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${databaseName} with (force)`);
  await admin.end();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

test("an organizer writes, previews, tests and sends an update; signers leave in one click", async ({ page, request }, testInfo) => {
  const shot = async (name: string) => page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  test.setTimeout(180_000);
  const origin = app!.url;
  await signIn(page, organizer, { origin });
  await page.goto(`${origin}/dashboard/campaigns/${campaignId}/updates`);
  await expect(page.getByRole("heading", { name: "Updates", level: 1 })).toBeVisible();
  await expectAccessible(page, "the updates list");
  await page.getByRole("link", { name: "Write an update" }).click();

  // A mistake keeps what was typed.
  await page.getByLabel("Subject").first().fill(`Amazon answered ${tag}`);
  await page.getByRole("button", { name: "Save and preview" }).click();
  await expect(page.getByText("Write the message.").first()).toBeVisible();
  await expect(page.getByLabel("Subject").first()).toHaveValue(`Amazon answered ${tag}`);
  await page.getByLabel("Message").first().fill("They wrote back. **Thank you** for signing.");
  await page.getByLabel("Subject").nth(1).fill(`Amazon respondió ${tag}`);
  await page.getByLabel("Message").nth(1).fill("Respondieron. **Gracias** por firmar.");
  await expectAccessible(page, "the compose form");
  await page.getByRole("button", { name: "Save and preview" }).click();

  await expect(page.getByText("2 people will get this update", { exact: false })).toBeVisible();
  await expect(page.locator("iframe")).toHaveCount(4); // English and Spanish, phone and desktop
  await expect(page.frameLocator("iframe").first().getByText("PO Box 4411, Oakland, CA 94601")).toBeVisible();
  await expect(page.frameLocator("iframe").nth(2).getByText("Respondieron.")).toBeVisible();
  await expect(page.frameLocator("iframe").nth(2).getByRole("link", { name: "Darme de baja" })).toBeVisible();
  await expectAccessible(page, "a draft update's page", { exclude: ["iframe"] });
  await shot("draft-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await shot("draft-390");
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.getByRole("button", { name: "Send a test to me" }).click();
  await expect(page.getByText(`on their way to ${organizer}`)).toBeVisible();
  const tests = await new Mailbox().waitFor(organizer, 3); // the sign-in code, then both languages
  expect(tests.map((m) => m.subject)).toEqual(expect.arrayContaining([`Amazon answered ${tag}`, `Amazon respondió ${tag}`]));

  await page.getByRole("button", { name: "Send now" }).click();
  await expect(page.getByText("2 of 2 sent")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Sent", { exact: true })).toBeVisible({ timeout: 30_000 });
  await shot("sent-1280");
  await expectAccessible(page, "a sent update's page", { exclude: ["iframe"] });

  const [english] = (await new Mailbox().waitFor(signers.en)) as (Awaited<ReturnType<Mailbox["sentTo"]>>[number] & { headers?: Record<string, string> })[];
  const [spanish] = (await new Mailbox().waitFor(signers.es)) as typeof english[];
  expect(english.subject).toBe(`Amazon answered ${tag}`);
  expect(spanish.subject).toBe(`Amazon respondió ${tag}`);
  expect(await new Mailbox().sentTo(signers.no)).toEqual([]);
  expect(english.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  const oneClick = english.headers!["List-Unsubscribe"].slice(1, -1);

  // Sending again within the week is allowed up to three times; the list shows this one.
  await page.goto(`${origin}/dashboard/campaigns/${campaignId}/updates`);
  await expect(page.getByRole("link", { name: `Amazon answered ${tag}` })).toBeVisible();

  // A mail client's one-click POST unsubscribes at once.
  const posted = await request.post(oneClick, { headers: { "content-type": "application/x-www-form-urlencoded" }, data: "List-Unsubscribe=One-Click" });
  expect(posted.status()).toBe(200);
  const [en] = await sql!`select updates_consent_at from signatures where email = ${signers.en}`;
  expect(en.updates_consent_at).toBeNull();

  // The footer link: opening it (a scanner, or the person) changes nothing; the button does.
  const footer = spanish.text!.match(/https?:\/\/\S+\/unsubscribe\/[A-Za-z0-9_.-]+/)![0];
  await request.get(footer);
  const [before] = await sql!`select updates_consent_at from signatures where email = ${signers.es}`;
  expect(before.updates_consent_at).not.toBeNull();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(footer);
  await expect(page.getByRole("button", { name: "Dejar de recibir cualquier correo de Cut Ties" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Prefiero borrar mis datos" })).toBeVisible();
  await expectAccessible(page, "the unsubscribe page");
  await shot("unsubscribe-390");
  await page.getByRole("button", { name: "Dejar de recibir cualquier correo de Cut Ties" }).click();
  await expect(page.getByText("Listo: Cut Ties no enviará más correos a esta dirección.")).toBeVisible();
  const suppressed = await sql!`select reason from suppressions where email_canonical = ${signers.es}`;
  expect(suppressed.map((r) => r.reason)).toEqual(["unsubscribe-all"]);

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${origin}/dashboard/campaigns/${campaignId}/updates`);
  const row = page.getByRole("row").filter({ hasText: `Amazon answered ${tag}` });
  await expect(row.getByRole("cell").nth(6)).toHaveText("2"); // unsubscribed
  await shot("list-1280");
});
