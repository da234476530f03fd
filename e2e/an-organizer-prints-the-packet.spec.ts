// The delivery packet of a seeded campaign carries the target's cited contract facts, each
// with its source, beside the count and the names that chose to be shown.
import { look } from "./axe";
import { expect, test } from "./fixtures";
import { signIn } from "./sign-in";

test("an organizer prints the delivery packet of a campaign, with the target's facts and their sources", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, "organizer@example.org", { next: "/dashboard/groups/cut-ties" });
  await page.getByRole("link", { name: "Palantir: end the FALCON and ICM contracts with ICE" }).first().click();
  await expect(page).toHaveURL(/\/dashboard\/campaigns\/[0-9a-f-]{36}$/);
  await page.goto(`${new URL(page.url()).pathname}/packet`);

  const facts = page.getByRole("region", { name: "What the target sells to immigration enforcement" });
  await expect(facts).toBeVisible();
  await expect(facts.locator("[data-fact]").first()).toBeVisible();
  // Every fact card names where it comes from, with a link a reader can open.
  for (const card of await facts.locator("[data-fact]").all()) {
    await expect(card.locator('a[href^="http"]').first()).toBeVisible();
  }
  await expect(page.getByRole("article").first()).not.toContainText("@");
  await look(page, "packet-with-facts");
  await page.emulateMedia({ media: "print" });
  await expect(facts).toBeVisible();
});
