// An admin works the moderation pages: the queue of submitted campaigns, approving one
// (it goes live) and rejecting another with a reason, taking a live one down (its page
// and its API answer 410 Gone) and restoring it (public again), finding a signature and invalidating it, a bulk invalidation that shows its
// count before it starts, the limits form, and the audit log of it all. Axe on every
// admin page, in English and Spanish; someone who is not an admin sees no admin page.
//
// Its own app on its own embedded database, prepared with two submitted campaigns
// (e2e/review-data.ts) before the app opens it; mail is captured at /dev/mailbox.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page, TestInfo } from "@playwright/test";
import { expect, newClientIp, test } from "./fixtures";
import { expectAccessible } from "./axe";
import { REVIEW_CAMPAIGNS } from "./review-data";
import { ROOT, startApp, type Server, REVIEW_APP_PORT } from "./servers";
import { signIn } from "./sign-in";

const PORT = REVIEW_APP_PORT;
let app: Server;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const dir = fs.mkdtempSync(path.join(process.env.E2E_TEMP_DIR ?? os.tmpdir(), "admin-review-"));
  const dataDir = path.join(dir, "data");
  const prepared = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(ROOT, "e2e", "review-data.ts")], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", JOBS: "off", MAIL_CAPTURE: "on" },
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(prepared.status, `${prepared.stdout}\n${prepared.stderr}`).toBe(0);
  app = await startApp({
    port: PORT, dataDir, logFile: path.join(dir, "app.log"), mailUrl: process.env.E2E_MAIL_URL!,
    extraEnv: { RESEND_API_KEY: "" }, // embedded and no key: mail capture
  });
});

test.afterAll(async () => {
  await app?.stop();
});

async function shot(page: Page, info: TestInfo, name: string) {
  const dir = process.env.SHOTS_DIR ?? info.outputPath();
  await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}

async function visit(page: Page, info: TestInfo, pathname: string, heading: string, name: string) {
  await page.goto(`${app.url}${pathname}`);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await expectAccessible(page, pathname);
  await shot(page, info, name);
}

test("an admin approves, rejects and takes down campaigns, cleans out a signature, and sees it all in the log", async ({ page, request, browser }, info) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signIn(page, "admin@example.org", { mail: "mailbox", origin: app.url });
  const [approveMe, rejectMe] = REVIEW_CAMPAIGNS;

  await test.step("the queue shows submitted campaigns first, with counts", async () => {
    await visit(page, info, "/admin", "Review queue", "admin-queue");
    await expect(page.getByRole("link", { name: /Submitted\s*2/ })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("link", { name: approveMe.title })).toBeVisible();
    await expect(page.getByRole("link", { name: rejectMe.title })).toBeVisible();
  });

  await test.step("approving one publishes it", async () => {
    expect((await request.get(`${app.url}/campaigns/${approveMe.slug}`)).status()).toBe(404);
    await page.getByRole("link", { name: approveMe.title }).click();
    await expect(page.getByRole("heading", { level: 1, name: approveMe.title })).toBeVisible();
    await expectAccessible(page, "the review page");
    await shot(page, info, "admin-review");
    await page.getByRole("button", { name: "Approve and publish" }).click();
    await expect(page.getByText("State: Live")).toBeVisible();
    expect((await request.get(`${app.url}/campaigns/${approveMe.slug}`)).status()).toBe(200);
  });

  await test.step("rejecting one needs a reason", async () => {
    await page.goto(`${app.url}/admin`);
    await page.getByRole("link", { name: rejectMe.title }).click();
    await page.getByLabel("Reason for rejecting (the organizers read it)").fill("The same ask as an open campaign.");
    await page.getByRole("button", { name: "Reject" }).click();
    await expect(page.getByText("State: Rejected")).toBeVisible();
    await expect(page.getByText("Rejected because: The same ask as an open campaign.")).toBeVisible();
    await page.goto(`${app.url}/admin`);
    await expect(page.getByRole("link", { name: /Submitted\s*0/ })).toBeVisible();
    await expect(page.getByText("No campaigns in this state.")).toBeVisible();
  });

  const email = `signer.${Date.now().toString(36)}@spam.example`;
  await test.step("a signature found by email is invalidated", async () => {
    const signed = await request.post(`${app.url}/api/v1/campaigns/${approveMe.slug}/signatures`, {
      data: { fullName: "Spam Bot", email }, headers: { "X-Forwarded-For": newClientIp() },
    });
    expect(signed.status()).toBe(202);
    await page.goto(`${app.url}/admin/signatures?by=email&q=${encodeURIComponent(email.toUpperCase())}`);
    await expect(page.getByText("1 signature found.")).toBeVisible();
    await expect(page.getByRole("cell", { name: /Spam Bot/ })).toBeVisible();
    await expectAccessible(page, "signature search");
    await shot(page, info, "admin-signatures");
    await page.getByRole("button", { name: "Invalidate" }).click();
    await expect(page.getByRole("cell", { name: "Invalidated" })).toBeVisible();
  });

  await test.step("a bulk invalidation shows its count before it starts, then runs", async () => {
    for (let i = 0; i < 2; i++) {
      const r = await request.post(`${app.url}/api/v1/campaigns/${approveMe.slug}/signatures`, {
        data: { fullName: `Bulk Bot ${i}`, email: `bulk${i}.${Date.now().toString(36)}@spam.example` }, headers: { "X-Forwarded-For": newClientIp() },
      });
      expect(r.status()).toBe(202);
    }
    await visit(page, info, "/admin/invalidations/new", "New invalidation", "admin-invalidation-new");
    await page.getByLabel("Reason", { exact: true }).fill("Bot run from spam.example");
    await page.getByRole("button", { name: "Count matching signatures" }).click();
    await expect(page.getByText("Give at least one condition, or every signature would match.")).toBeVisible();
    await expect(page.getByLabel("Reason", { exact: true })).toHaveValue("Bot run from spam.example"); // kept
    await page.getByLabel("Mail domain").fill("spam.example");
    await page.getByRole("button", { name: "Count matching signatures" }).click();
    await expect(page.getByText("2 signatures match.", { exact: true })).toBeVisible(); // the invalidated one is out already
    await expectAccessible(page, "an invalidation");
    await shot(page, info, "admin-invalidation");
    await page.getByRole("button", { name: /Start invalidating/ }).click();
    await expect(async () => {
      await page.reload();
      await expect(page.getByText("2 of 2 invalidated.")).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await visit(page, info, "/admin/invalidations", "Invalidations", "admin-invalidations");
    await expect(page.getByRole("cell", { name: "Completed" })).toBeVisible();
  });

  await test.step("taking a live campaign down removes its page", async () => {
    await page.goto(`${app.url}/admin?status=live`);
    await page.getByRole("link", { name: approveMe.title }).click();
    await page.getByLabel("Reason code").selectOption("duplicate");
    await page.getByRole("button", { name: "Take down" }).click();
    await expect(page.getByText("State: Taken down")).toBeVisible();
    await expect(page.getByText("Taken down: Duplicate campaign")).toBeVisible();
  });

  await test.step("a taken-down campaign is gone: 410 for its page and its API, in the visitor's language", async () => {
    const visitor = await browser.newContext();
    const gone = await visitor.newPage();
    for (const [prefix, heading, body] of [
      ["", "Campaign removed", "The moderators removed this campaign."],
      ["/es", "Campaña retirada", "El equipo de moderación retiró esta campaña."],
    ]) {
      const response = await gone.goto(`${app.url}${prefix}/campaigns/${approveMe.slug}`);
      expect(response?.status()).toBe(410);
      await expect(gone.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(gone.getByText(body)).toBeVisible();
      // No reason and no organizer in public.
      await expect(gone.getByText("Duplicate")).toHaveCount(0);
      await expectAccessible(gone, `the gone page ${prefix || "/"}`);
      // The language switch leads to the campaign's address, gone in the other language too.
      await expect(gone.getByRole("link", { name: prefix ? "English" : "Español" }))
        .toHaveAttribute("href", `/lang/${prefix ? "en" : "es"}?to=${encodeURIComponent(`/campaigns/${approveMe.slug}`)}`);
    }
    await shot(gone, info, "campaign-gone");
    await visitor.close();

    const api = await request.get(`${app.url}/api/v1/campaigns/${approveMe.slug}`, { headers: { "accept-language": "es" } });
    expect(api.status()).toBe(410);
    expect(await api.json()).toEqual({ error: { code: "gone", message: "El equipo de moderación retiró esta campaña. Ya no se puede firmar." } });
    const signing = await request.post(`${app.url}/api/v1/campaigns/${approveMe.slug}/signatures`, {
      data: { fullName: "Late Signer", email: "late-signer@example.org" },
      headers: { "x-forwarded-for": newClientIp() },
    });
    expect(signing.status()).toBe(410);
    expect((await signing.json()).error.code).toBe("gone");
  });

  await test.step("restoring it, with a note, puts it back as it was", async () => {
    await page.getByLabel("Why restore it").fill("Not a duplicate after all: the other campaign targets a different contract.");
    await page.getByRole("button", { name: "Restore" }).click();
    await expect(page.getByText("State: Live")).toBeVisible();
    await expect(page.getByText("Taken down: Duplicate campaign")).toHaveCount(0);
    const again = await request.get(`${app.url}/campaigns/${approveMe.slug}`, { headers: { accept: "text/html" } });
    expect(again.status()).toBe(200);
    expect(await again.text()).toContain(approveMe.title);
    expect((await request.get(`${app.url}/api/v1/campaigns/${approveMe.slug}`)).status()).toBe(200);
    await page.getByRole("link", { name: "Open the public page" }).click();
    await expect(page.getByRole("heading", { level: 1, name: approveMe.title })).toBeVisible();
  });

  await test.step("limits and lists: a bad entry is named, a good one saved", async () => {
    await visit(page, info, "/admin/limits", "Limits and lists", "admin-limits");
    await page.getByLabel("Blocked mail domains").fill("foo(");
    await page.getByRole("button", { name: "Save limits and lists" }).click();
    await expect(page.getByText("These entries are not valid: foo(")).toBeVisible();
    await expect(page.getByLabel("Blocked mail domains")).toHaveValue("foo("); // what was typed stays
    await page.getByLabel("Blocked mail domains").fill("spam.example");
    await page.getByLabel("Soft limit per IP address (flags)").fill("10/600");
    await page.getByRole("button", { name: "Save limits and lists" }).click();
    await expect(page.getByText("Limits and lists updated.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Blocked mail domains")).toHaveValue("spam.example");
  });

  await test.step("trending and the audit log", async () => {
    await visit(page, info, "/admin/trending?min=1", "Trending", "admin-trending");
    await expect(page.getByRole("cell", { name: "spam.example" }).first()).toBeVisible();
    await visit(page, info, "/admin/audit", "Audit log", "admin-audit");
    for (const action of ["campaign.approved", "campaign.rejected", "campaign.taken_down", "campaign.restored", "signature.invalidated", "invalidation.started", "limits.updated"]) {
      await expect(page.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
    }
    await page.getByLabel("Action").selectOption("campaign.rejected");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("1 entry")).toBeVisible();
  });

  await test.step("on a phone, and in Spanish", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await visit(page, info, "/admin/signatures?by=domain&q=spam.example", "Signatures", "admin-signatures-390");
    await visit(page, info, "/admin/limits", "Limits and lists", "admin-limits-390");
    // Last: a visit to /es is remembered, and later English addresses would open in Spanish.
    await page.setViewportSize({ width: 1280, height: 900 });
    await visit(page, info, "/es/admin?status=rejected", "Campañas por revisar", "admin-queue-es");
    await visit(page, info, "/es/admin/trending", "Tendencias", "admin-trending-es");
  });
});

test("someone who is not an admin finds no admin page and can change nothing", async ({ page, request }) => {
  expect((await request.get(`${app.url}/admin`, { maxRedirects: 0 })).status()).toBe(307); // to sign-in
  await signIn(page, "organizer@example.org", { mail: "mailbox", origin: app.url });
  for (const pathname of ["/admin", "/admin/trending", "/admin/signatures", "/admin/invalidations/new", "/admin/limits", "/admin/audit"]) {
    const response = await page.goto(`${app.url}${pathname}`);
    expect(response?.status(), pathname).toBe(404);
  }
});
