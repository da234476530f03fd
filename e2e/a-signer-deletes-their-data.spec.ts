// Anyone can delete their data: they ask with their address, get a link by email, and
// one button on the linked page deletes every signature made with it. Opening the
// link alone deletes nothing (mail scanners open links).
import { CAMPAIGNS, expect, newClientIp, newSigner, test } from "./fixtures";

test("a signer deletes their data through an emailed link", async ({ page, api, mail }) => {
  const signer = newSigner("Borrar", "Datos");
  const signed = await api.sign(CAMPAIGNS.pledge.slug, { fullName: signer.fullName, email: signer.email }, { ip: newClientIp() });
  expect(signed.status()).toBe(202);
  await mail.waitFor(signer.email); // the confirmation

  await page.goto("/privacy/delete");
  const email = page.getByLabel("Email", { exact: true });
  await email.fill("not an address");
  await page.getByRole("button", { name: "Email me the link" }).click();
  // The mistake is shown beside the field and tied to it, and what was typed is kept.
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription("Enter an email address like name@example.com.");
  await expect(email).toHaveValue("not an address");

  await email.fill(signer.email);
  await page.getByRole("button", { name: "Email me the link" }).click();
  await expect(page.getByRole("status")).toContainText("If this address signed any campaign here, we have sent it a link.");

  const [, deletion] = await mail.waitFor(signer.email, 2);
  expect(deletion.subject).toBe("Delete your Cut Ties signatures");
  const link = deletion.text?.match(/https?:\/\/\S+\/privacy\/delete\/[A-Za-z0-9_-]+/)?.[0];
  expect(link, "a deletion link in the email").toBeTruthy();

  await page.goto(link!);
  await page.goto(link!); // opened twice, as a scanner and then the person would
  await page.getByRole("button", { name: "Delete all my signatures" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your data is deleted" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("We deleted 1 signature made with your address");

  // The link works once.
  await page.goto(link!);
  await expect(page.getByRole("button", { name: "Delete all my signatures" })).toHaveCount(0);
});
