// On PostgreSQL `npm start` uses every core: a cluster of app processes on one port
// (server/index.mjs, server/cluster.mjs). They behave as one app: a confirmation made
// through one is on every page load at once, whichever process answers; one that dies
// is replaced. Runs only in the "scale-out" project, which exists only when DATABASE_URL is set.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { Api, CAMPAIGNS, confirmLink, expect, newClientIp, newSigner, test } from "./fixtures";
import { CLUSTER_PORT, startApp, type Server } from "./servers";

const serverUrl = process.env.DATABASE_URL;
const databaseName = `cut_ties_e2e_${randomBytes(6).toString("hex")}`;
let databaseCreated = false;
let tempDir = "";
let app: Server | undefined;

async function admin<T>(run: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(serverUrl!, { max: 1, onnotice: () => {} });
  try {
    return await run(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The app processes the cluster's primary runs (its node children). */
function appProcesses(primaryPid: number): number[] {
  const out = execFileSync("ps", ["-o", "pid=", "--ppid", String(primaryPid)], { encoding: "utf8" });
  return out.split("\n").map((l) => Number(l.trim())).filter((pid) => pid > 0);
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  if (!serverUrl) throw new Error("The scale-out project needs DATABASE_URL.");
  await admin((sql) => sql.unsafe(`create database ${databaseName}`));
  databaseCreated = true;
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), "cut-ties-cluster-"));
  app = await startApp({
    databaseUrl: url.toString(),
    mailUrl: process.env.E2E_MAIL_URL!,
    port: CLUSTER_PORT,
    logFile: path.join(tempDir, "cluster.log"),
    extraEnv: { WEB_CONCURRENCY: "2" },
  });
});

test.afterAll(async () => {
  await app?.stop();
  if (databaseCreated) await admin((sql) => sql.unsafe(`drop database if exists ${databaseName} with (force)`));
  if (tempDir && process.env.E2E_KEEP !== "1") fs.rmSync(tempDir, { recursive: true, force: true });
});

test("npm start on PostgreSQL runs one app process per WEB_CONCURRENCY, and a confirmation shows on every one at once", async ({ page, request, mail }) => {
  expect(appProcesses(app!.pid)).toHaveLength(2);
  const api = new Api(request, app!.url);
  const { slug } = CAMPAIGNS.phone;
  const pageLoad = { accept: "text/html", "sec-fetch-dest": "document" };
  const countOnPage = async () => {
    const html = await (await request.get(`${app!.url}/campaigns/${slug}`, { headers: pageLoad })).text();
    return Number(/aria-valuenow="(\d+)"/.exec(html)?.[1]);
  };
  // Both processes hold a copy of the page (the kernel spreads the connections).
  for (let i = 0; i < 20; i++) await countOnPage();
  const before = await api.confirmedCount(slug);

  const signer = newSigner("Rosario", "Campos");
  expect((await api.sign(slug, { fullName: signer.fullName, email: signer.email }, { ip: newClientIp() })).status()).toBe(202);
  const [email] = await mail.waitFor(signer.email);
  await page.goto(`${app!.url}${new URL(confirmLink(email)).pathname}`);
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you, your signature counts" })).toBeVisible();

  // Every load now, from either process, shows the new count: the process that confirmed
  // told the other to drop its copies (without that, it serves its old copy for seconds).
  const counts: number[] = [];
  for (let i = 0; i < 20; i++) counts.push(await countOnPage());
  expect(counts).toEqual(Array(20).fill(before + 1));
});

test("an app process that dies is replaced, and the site keeps answering", async ({ request }) => {
  const [victim, survivor] = appProcesses(app!.pid);
  process.kill(victim, "SIGKILL");
  // Once the primary has seen it go (a connection handed over in that instant is lost,
  // as with any crash), the other process answers alone while a new one starts.
  await expect.poll(() => appProcesses(app!.pid).includes(victim), { timeout: 10_000 }).toBe(false);
  for (let i = 0; i < 10; i++) expect((await request.get(`${app!.url}/api/v1/campaigns`, { headers: { connection: "close" } })).ok()).toBe(true);
  await expect.poll(() => appProcesses(app!.pid).filter((pid) => pid !== survivor).length, { timeout: 60_000 }).toBe(1);
  for (let i = 0; i < 10; i++) expect((await request.get(`${app!.url}/api/v1/campaigns`, { headers: { connection: "close" } })).ok()).toBe(true);
});
