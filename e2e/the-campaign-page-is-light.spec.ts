// Issue 10, light and fast: a visitor's campaign page is the page cache's light copy,
// without React or the Next.js runtime (lib/light-page.ts). One small script
// (public/campaign-page.js) does what the client components did: the share and copy
// buttons, the sign button's "Sending…", the line back to the thank-you page. The sign
// form posts as a plain form; its answer is the full app.
import { look } from "./axe";
import { CAMPAIGNS, confirmLink, expect, newSigner, test } from "./fixtures";
import { sharedSoFar, stubShareSheet } from "./share-sheet";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

// Confirming changes a count: the pledge's, which no journey asserts exactly (see a-supporter-is-kept.spec.ts).
const { slug } = CAMPAIGNS.pledge;

test("the campaign page loads one small script, and its buttons, form and memory work", async ({ page, context, mail }) => {
  const scripts: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await stubShareSheet(page);

  const response = await page.goto(`/campaigns/${slug}`);
  expect(response!.headers()["x-cache"]).toMatch(/^(HIT|MISS)$/);
  const panel = page.getByRole("region", { name: "Share this campaign" });
  await panel.getByRole("button", { name: "Share…" }).click();
  const shared = await sharedSoFar(page);
  expect(shared).toHaveLength(1);
  expect(shared[0].url).toMatch(new RegExp(`/campaigns/${slug}$`));
  expect(shared[0].title).toBe(CAMPAIGNS.pledge.title);

  await panel.getByRole("button", { name: "Copy link" }).click();
  await expect(panel.getByRole("button", { name: "Link copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`/campaigns/${slug}$`));
  await expect(panel.getByRole("button", { name: "Copy link" })).toBeVisible();
  // No framework: not one of Next.js's scripts, only the page's own.
  expect(scripts).toEqual(["/campaign-page.js"]);
  await look(page, "light-campaign-page");

  // While the post is on its way, the button says so and cannot be pressed twice: what
  // it showed when the form was sent is kept in the tab's session storage to look at after.
  await page.evaluate(() => {
    const form = document.querySelector<HTMLFormElement>("#sign form")!;
    form.addEventListener("submit", () => {
      const button = form.querySelector("button[type=submit]") as HTMLButtonElement;
      sessionStorage.setItem("while-sending", JSON.stringify({ text: button.textContent, disabled: button.disabled }));
    });
  });
  const signer = newSigner("Inés", "Vidal");
  await page.getByLabel("Full name").fill(signer.fullName);
  await page.getByLabel("Email", { exact: true }).fill(signer.email);
  await page.getByRole("button", { name: "I pledge", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Check your email" })).toContainText(`We sent a link to ${signer.email}.`);
  expect(JSON.parse((await page.evaluate(() => sessionStorage.getItem("while-sending")))!)).toEqual({ text: "Sending…", disabled: true });

  const [message] = await mail.waitFor(signer.email);
  await page.goto(confirmLink(message));
  await page.getByRole("button", { name: "Confirm my pledge" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you, your pledge counts" })).toBeVisible();

  // Back on the light page, it remembers this device signed.
  scripts.length = 0;
  await page.goto(`/campaigns/${slug}`);
  await expect(page.getByRole("status").filter({ hasText: "You took this pledge on this device." })).toBeVisible();
  expect(scripts).toEqual(["/campaign-page.js"]);
  await page.getByRole("link", { name: "See your thank-you page and personal link" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /^You’re #\d+ — help reach [\d,]+$/ })).toBeVisible();
});

test("the answer to a post is the full app", async ({ page }) => {
  // Rendered for that person, with React and the Next.js runtime, as before.
  await page.goto(`/campaigns/${slug}`);
  await page.getByRole("button", { name: "I pledge", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Please check the highlighted fields." })).toBeVisible();
  // The app took the person to the first field to fix.
  await expect(page.getByLabel("Full name")).toBeFocused();
  const nextScripts = await page.locator('script[src*="/_next/"]').count();
  expect(nextScripts).toBeGreaterThan(0);
});
