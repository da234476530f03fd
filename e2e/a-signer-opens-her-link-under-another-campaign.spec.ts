// A confirmation token belongs to one campaign. Under another campaign's address it
// must not say that campaign while confirming hers: it leads to her campaign's page.
import { baseUrl, CAMPAIGNS, confirmLink, expect, newClientIp, newSigner, test } from "./fixtures";

test("Inés opens her link under another campaign's address and is led to the campaign she signed", async ({ page, api, mail }) => {
  const signed = CAMPAIGNS.pledge;
  const other = CAMPAIGNS.noJs;
  const ines = newSigner("Inés", "Navarro");
  expect((await api.sign(signed.slug, { fullName: ines.fullName, email: ines.email }, { ip: newClientIp() })).status()).toBe(202);
  const [email] = await mail.waitFor(ines.email);
  const link = confirmLink(email);
  const path = new URL(link).pathname;
  const wrong = path.replace(`/campaigns/${signed.slug}/`, `/campaigns/${other.slug}/`);
  expect(wrong).not.toBe(path);

  await page.goto(wrong);
  await expect(page).toHaveURL(`${baseUrl()}${path}`);
  await expect(page.getByText(`press the button to confirm your pledge on “${signed.title}”`)).toBeVisible();
  await expect(page.getByText(other.title)).toHaveCount(0);

  await page.goto(wrong);
  await page.getByRole("button", { name: "Confirm my pledge" }).click();
  await expect(page).toHaveURL(`${baseUrl()}${path}?result=confirmed`);
  await expect(page.getByText(`Your pledge on “${signed.title}” is confirmed.`)).toBeVisible();

  // And in Spanish, under a campaign that does not exist at all.
  await page.goto(`/es/campaigns/no-such-campaign/confirm/${path.split("/").pop()}`);
  await expect(page).toHaveURL(`${baseUrl()}/es${path}`);
});
