// An organizer writes a campaign: a mistake keeps what she typed, the preview shows the
// story as the public page will, live campaigns against the same company come first,
// then the draft is saved and submitted for review, each step confirmed. Until an admin
// approves it, the public sees a not-found page. Also without JavaScript.
import { expect, test } from "./fixtures";
import { expectAccessible } from "./axe";
import { signIn } from "./sign-in";
import { confirmStep, fillCampaign, screenshot, uniqueSlug } from "./campaign-editor";

const NEW = "/dashboard/groups/cut-ties/campaigns/new";

test("an organizer writes, previews and submits a campaign", async ({ page }) => {
  await signIn(page, "organizer@example.org");
  await page.goto(NEW);
  await expect(page.getByRole("heading", { name: "New campaign" })).toBeVisible();
  await expectAccessible(page, "the new-campaign page");

  // A mistake: no ask. What was typed stays, the error is beside its field.
  const slug = uniqueSlug("dell-drop-ice");
  await fillCampaign(page, { title: "Dell: stop selling to ICE", slug, company: "Dell Technologies", ask: "", story: "## Why\n\nDell sells **servers** to ICE." });
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page.getByText("Some fields need attention")).toBeVisible();
  await expect(page.getByLabel("The ask", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Fill this in.")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Dell: stop selling to ICE");
  await expect(page.getByLabel("The story (Markdown)")).toHaveValue("## Why\n\nDell sells **servers** to ICE.");

  // The live preview follows the typing, rendered as the public page renders it.
  const preview = page.getByRole("region", { name: "Preview of the story" });
  await page.getByLabel("The story (Markdown)").fill("## Why it matters\n\nDell sells **servers** to ICE.");
  await expect(preview.getByRole("heading", { name: "Why it matters" })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText("servers");

  await page.getByLabel("The ask", { exact: true }).fill("Dell must end its contracts with ICE.");
  await page.getByLabel("Title in Spanish").fill("Dell: deja de venderle a ICE");
  await page.getByLabel("End date (optional)").fill("2031-12-31");
  await page.getByRole("button", { name: "Create the draft" }).click();
  await expect(page).toHaveURL(/\/dashboard\/campaigns\/[0-9a-f-]{36}\?done=created$/);
  await expect(page.getByText("The draft is saved.")).toBeVisible();
  await expect(page.getByText("State: Draft")).toBeVisible();
  await expect(page.getByText("Ends on December 31, 2031")).toBeVisible();
  await expectAccessible(page, "a draft's overview");
  await screenshot(page, "1280-overview-draft");

  // Submitting asks first; cancelling changes nothing.
  await page.getByRole("link", { name: "Submit for review" }).click();
  await expect(page.getByText(/An admin reads it before it goes public/)).toBeVisible();
  await expectAccessible(page, "a confirmation step");
  await screenshot(page, "1280-overview-confirm-submit");
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page.getByText("State: Draft")).toBeVisible();
  await confirmStep(page, "Submit for review");
  await expect(page.getByText("Submitted for review.")).toBeVisible();
  await expect(page.getByText("State: Waiting for review")).toBeVisible();

  // Not public until approved.
  const anonymous = await page.context().browser()!.newContext();
  const response = await (await anonymous.newPage()).goto(`/campaigns/${slug}`);
  expect(response!.status()).toBe(404);
  await anonymous.close();

  // Editing it takes it back to draft, and says so first.
  await page.getByRole("link", { name: "Edit", exact: true }).first().click();
  await expect(page.getByText("Saving takes this campaign back to draft")).toBeVisible();
  await expect(page.getByLabel("Address", { exact: true })).toHaveValue(slug);
  await expectAccessible(page, "the edit page");
  await screenshot(page, "1280-edit");
  await page.getByLabel("Signature goal (optional)").fill("5000");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.getByText("State: Draft")).toBeVisible();
  await expect(page.getByText("Goal: 5,000")).toBeVisible();
});

test("live campaigns against the same company are shown before another is created", async ({ page }) => {
  await signIn(page, "organizer@example.org");
  await page.goto(NEW);
  const slug = uniqueSlug("palantir-again");
  await fillCampaign(page, { title: "Palantir out of ICE", slug, ask: "Palantir must end ICM.", story: "Because." });
  await page.getByRole("checkbox", { name: "Palantir Technologies" }).check();
  await page.getByRole("button", { name: "Create the draft" }).click();
  const similar = page.getByRole("region", { name: "Live campaigns against the same company" });
  await expect(similar).toBeVisible();
  await expect(similar.getByRole("link").first()).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Palantir out of ICE");
  await expect(page.getByRole("checkbox", { name: "Palantir Technologies" })).toBeChecked();
  await expectAccessible(page, "the similar campaigns");
  await screenshot(page, "1280-new-similar");
  await page.getByRole("button", { name: "Mine is different: create the draft" }).click();
  await expect(page.getByText("The draft is saved.")).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an organizer previews, creates and submits with plain form posts", async ({ page }) => {
    await signIn(page, "organizer@example.org");
    await page.goto(NEW);
    const slug = uniqueSlug("hpe-no-js");
    await fillCampaign(page, { title: "HPE: no more ICE servers", slug, company: "Hewlett Packard Enterprise", ask: "HPE must end its ICE contracts.", story: "## Sources\n\n[The contract](https://www.usaspending.gov/)" });
    await page.getByRole("button", { name: "Preview", exact: true }).click();
    const preview = page.getByRole("region", { name: "Preview of the story" });
    await expect(preview.getByRole("heading", { name: "Sources" })).toBeVisible();
    await expect(preview.getByRole("link", { name: "The contract" })).toHaveAttribute("rel", /nofollow/);
    await expect(page.getByLabel("Title", { exact: true })).toHaveValue("HPE: no more ICE servers");
    await expect(page.getByLabel("Another company (name)")).toHaveValue("Hewlett Packard Enterprise");

    await page.getByLabel("Image address (https)").fill("http://example.org/picture.png");
    await page.getByRole("button", { name: "Create the draft" }).click();
    await expect(page.getByText("Give a full https:// address.")).toBeVisible();
    await expect(page.getByLabel("Address", { exact: true })).toHaveValue(slug);
    await page.getByLabel("Image address (https)").fill("");
    await page.getByRole("button", { name: "Create the draft" }).click();
    await expect(page.getByText("The draft is saved.")).toBeVisible();

    await confirmStep(page, "Submit for review");
    await expect(page.getByText("State: Waiting for review")).toBeVisible();
  });
});
