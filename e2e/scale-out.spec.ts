// Two app instances behind one address, on one PostgreSQL database: a signature made
// on one is confirmed and counted on the other, and the signing limit is shared. (And,
// with the database in reach, a share link's code stored through the cached page.)
// Runs only in the "scale-out" project, which exists only when DATABASE_URL is set.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { Api, CAMPAIGNS, confirmLink, expect, newClientIp, newPersonContext, newSigner, test, waitForRoomInWindow } from "./fixtures";
import { SCALE_OUT_PORTS, startApp, type Server } from "./servers";

const serverUrl = process.env.DATABASE_URL;
const databaseName = `cut_ties_e2e_${randomBytes(6).toString("hex")}`;
let databaseCreated = false;
let appDatabaseUrl = "";
let tempDir = "";
let a: Server | undefined;
let b: Server | undefined;

async function admin<T>(run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  if (!serverUrl) throw new Error("The scale-out project needs DATABASE_URL (a PostgreSQL server it may create databases on).");
  const mailUrl = process.env.E2E_MAIL_URL!;
  await admin((sql) => sql.unsafe(`create database ${databaseName}`));
  databaseCreated = true;
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  appDatabaseUrl = url.toString();
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "cut-ties-scale-out-"));
  const common = {
    databaseUrl: url.toString(),
    mailUrl,
    // Both sit behind one public address; links in emails use it.
    appUrl: `http://localhost:${SCALE_OUT_PORTS[0]}`,
    // The refusing per-IP limit, lowered so the test stays short.
    extraEnv: { SIGN_LIMIT_PER_IP_SUSTAINED: "3/3600" },
  };
  // Both at once on the empty database, as a fresh deploy would: they take turns to
  // migrate and seed (an advisory lock), and neither may fail.
  [a, b] = await Promise.all([
    startApp({ ...common, port: SCALE_OUT_PORTS[0], logFile: path.join(tempDir, "a.log") }),
    startApp({ ...common, port: SCALE_OUT_PORTS[1], logFile: path.join(tempDir, "b.log") }),
  ]);
});

test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const server of [a, b]) {
    if (server && fs.existsSync(server.logFile)) {
      const log = fs.readFileSync(server.logFile, "utf8").split("\n").slice(-150).join("\n");
      await testInfo.attach(`${new URL(server.url).port}.log`, { body: log, contentType: "text/plain" });
    }
  }
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  if (databaseCreated) await admin((sql) => sql.unsafe(`drop database if exists ${databaseName} with (force)`));
  if (tempDir && process.env.E2E_KEEP !== "1") fs.rmSync(tempDir, { recursive: true, force: true });
});

test("a signature made on one instance is confirmed and counted on the other", async ({ page, request, mail }) => {
  const onA = new Api(request, a!.url);
  const onB = new Api(request, b!.url);
  const { slug } = CAMPAIGNS.phone;
  const before = await onB.confirmedCount(slug);

  const signer = newSigner("Esperanza", "Vidal");
  const signed = await onA.sign(slug, { fullName: signer.fullName, email: signer.email, showName: true }, { ip: newClientIp() });
  expect(signed.status()).toBe(202);
  const [email] = await mail.waitFor(signer.email);

  // The link names the public address (A); open its path on B.
  const link = new URL(confirmLink(email));
  expect(link.origin).toBe(a!.url);
  await page.goto(`${b!.url}${link.pathname}`);
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you, your signature counts" })).toBeVisible();

  // Counted on B at once (it confirmed), and on A within its few-second read cache.
  await page.goto(`${b!.url}/campaigns/${slug}`);
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", String(before + 1));
  await expect(page.getByRole("region", { name: "Recent signers" })).toContainText(signer.publicName);
  await expect.poll(() => onB.confirmedCount(slug), { timeout: 6_000 }).toBe(before + 1);
  await expect.poll(() => onA.confirmedCount(slug), { timeout: 6_000 }).toBe(before + 1);
});

test("the signing limit holds across both instances", async ({ request }) => {
  await waitForRoomInWindow(3600);
  const onA = new Api(request, a!.url);
  const onB = new Api(request, b!.url);
  const ip = newClientIp();
  const { slug } = CAMPAIGNS.noJs;
  const attempt = (api: Api) => {
    const s = newSigner("Limite", "Compartido");
    return api.sign(slug, { fullName: s.fullName, email: s.email }, { ip });
  };
  expect((await attempt(onA)).status(), "1st, on A").toBe(202);
  expect((await attempt(onA)).status(), "2nd, on A").toBe(202);
  expect((await attempt(onB)).status(), "3rd, on B").toBe(202);
  expect((await attempt(onB)).status(), "4th, on B").toBe(429);
  expect((await attempt(onA)).status(), "5th, on A").toBe(429);
  // Another connection still gets through on either.
  const other = newSigner("Otra", "Conexión");
  expect((await onB.sign(slug, { fullName: other.fullName, email: other.email }, { ip: newClientIp() })).status()).toBe(202);
});

// Here because the database is in reach: the page cache's share-link path, end to end.
test("a friend signs through a share link without JavaScript, from the cached page, and the code is stored", async ({ browser, mail }) => {
  const { slug } = CAMPAIGNS.pledge;
  const code = `ref${randomBytes(4).toString("hex")}`;
  const context = await newPersonContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  const pageLoad = { accept: "text/html", "sec-fetch-dest": "document" };
  // The link is answered from the plain page's copy, which has no field for the code.
  await expect
    .poll(async () => {
      await context.request.get(`${a!.url}/campaigns/${slug}`, { headers: pageLoad });
      return (await page.goto(`${a!.url}/campaigns/${slug}?ref=${code}`))?.headers()["x-cache"];
    }, { timeout: 20_000 })
    .toBe("HIT");
  await expect(page.locator('input[name="ref"]')).toHaveCount(0);

  const friend = newSigner("Joaquín", "Ruiz");
  await page.getByLabel("Full name").fill(friend.fullName);
  await page.getByLabel("Email", { exact: true }).fill(friend.email);
  await page.getByRole("button", { name: "I pledge", exact: true }).click();
  await expect(page.getByRole("status").getByRole("heading", { name: "Check your email" })).toBeVisible();
  await mail.waitFor(friend.email);
  await context.close();

  const sql = postgres(appDatabaseUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ referred_by: string | null }[]>`select referred_by from signatures where email = ${friend.email}`;
    expect(rows).toEqual([{ referred_by: code }]);
  } finally {
    await sql.end({ timeout: 5 });
  }
});

// (Here because this project has the database at hand: closing a campaign and moving
// its closing time back is done in SQL, as an organizer's tool would, without sleeping.)
test("a signer who confirms within a day of the campaign closing counts; one who confirms later is told it closed", async ({ browser, request, mail }) => {
  const onA = new Api(request, a!.url);
  const { slug } = CAMPAIGNS.spanish;
  const url = new URL(serverUrl!);
  url.pathname = `/${databaseName}`;
  const appDb = postgres(url.toString(), { max: 1, onnotice: () => {} });
  try {
    const inTime = newSigner("Justo", "Tiempo");
    const late = newSigner("Tarde", "Llegada");
    for (const s of [inTime, late]) {
      expect((await onA.sign(slug, { fullName: s.fullName, email: s.email }, { ip: newClientIp() })).status()).toBe(202);
    }
    const inTimeLink = new URL(confirmLink((await mail.waitFor(inTime.email))[0])).pathname;
    const lateLink = new URL(confirmLink((await mail.waitFor(late.email))[0])).pathname;
    await appDb`update campaigns set status = 'closed' where slug = ${slug}`;
    await appDb`update campaigns set closed_at = now() - interval '1 hour' where slug = ${slug}`;

    // The late signer opens her link while the grace lasts, and leaves the page open.
    const latePage = await (await browser.newContext()).newPage();
    await latePage.goto(`${a!.url}${lateLink}`);
    await expect(latePage.getByRole("status")).toContainText("This campaign closed on");

    const inTimePage = await (await browser.newContext()).newPage();
    await inTimePage.goto(`${b!.url}${inTimeLink}`);
    await expect(inTimePage.getByRole("status")).toContainText("You signed in time");
    await inTimePage.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(inTimePage.getByRole("heading", { level: 1, name: "Thank you, your signature counts" })).toBeVisible();

    // A day and more after closing, her press confirms nothing, and the page says why.
    await appDb`update campaigns set closed_at = now() - interval '25 hours' where slug = ${slug}`;
    await latePage.getByRole("button", { name: "Confirm my signature" }).click();
    await expect(latePage.getByRole("heading", { level: 1, name: "This campaign has closed" })).toBeVisible();
    await expect(latePage).toHaveTitle("This campaign has closed · Cut Ties");
    await expect(latePage.getByRole("button", { name: "Confirm my signature" })).toHaveCount(0);
    const [row] = await appDb<{ status: string }[]>`select status from signatures where email = ${late.email}`;
    expect(row.status).toBe("pending");
  } finally {
    await appDb`update campaigns set status = 'live' where slug = ${slug}`;
    await appDb.end({ timeout: 5 });
  }
});
