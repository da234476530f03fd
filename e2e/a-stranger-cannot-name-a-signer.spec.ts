// Whoever can read the mailbox decides what is published, not whoever typed the
// address first or last: a later submission replaces a pending one's details, and the
// confirmation page shows the name and the choice to hide it before the button.
import { CAMPAIGNS, confirmLink, expect, newClientIp, newSigner, test } from "./fixtures";

const { slug } = CAMPAIGNS.noJs;

test("a stranger types Valeria's address first; she signs with her name hidden and it stays hidden", async ({ page, api, mail }) => {
  const valeria = newSigner("Valeria", "Soto");
  const stranger = newSigner("Intruso", "Falso");
  // The stranger, on another connection, submits her address with his name, to be shown.
  const planted = await api.sign(slug, { fullName: stranger.fullName, email: valeria.email, showName: true }, { ip: newClientIp() });
  expect(planted.status()).toBe(202);

  // Valeria signs on the campaign page with her own name, not ticking "show my name".
  await page.goto(`/campaigns/${slug}`);
  await page.getByLabel("Full name").fill(valeria.fullName);
  await page.getByLabel("Email", { exact: true }).fill(valeria.email);
  await page.getByRole("button", { name: "Sign", exact: true }).click();
  await expect(page.getByRole("status").getByRole("heading", { name: "Check your email" })).toBeVisible();

  // The link (the same for every email of her signature) shows what will be public.
  const [email] = await mail.waitFor(valeria.email);
  await page.goto(confirmLink(email));
  await expect(page.getByText(`You signed as ${valeria.fullName}.`)).toBeVisible();
  await expect(page.getByText(stranger.firstName)).toHaveCount(0);
  await expect(page.getByLabel(`Show my name as “${valeria.publicName}” on the campaign page`)).not.toBeChecked();
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you, your signature counts" })).toBeVisible();

  await page.goto(`/campaigns/${slug}`);
  const signers = page.getByRole("region", { name: "Recent signers" });
  await expect(signers).toBeVisible();
  await expect(signers).not.toContainText(stranger.firstName);
  await expect(signers).not.toContainText(valeria.firstName);
});

test("a stranger types Tomás's address last; Tomás sees that name on the confirmation page and hides it", async ({ page, api, mail }) => {
  const tomas = newSigner("Tomás", "Reyes");
  const stranger = newSigner("Bromista", "Anónimo");
  expect((await api.sign(slug, { fullName: tomas.fullName, email: tomas.email }, { ip: newClientIp() })).status()).toBe(202);
  expect(
    (await api.sign(slug, { fullName: stranger.fullName, email: tomas.email, showName: true }, { ip: newClientIp() })).status(),
  ).toBe(202);

  const [email] = await mail.waitFor(tomas.email);
  await page.goto(confirmLink(email));
  await expect(page.getByText(`You signed as ${stranger.fullName}.`)).toBeVisible();
  const show = page.getByLabel(`Show my name as “${stranger.publicName}” on the campaign page`);
  await expect(show).toBeChecked();
  await show.uncheck();
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you, your signature counts" })).toBeVisible();

  await page.goto(`/campaigns/${slug}`);
  const signers = page.getByRole("region", { name: "Recent signers" });
  await expect(signers).toBeVisible();
  await expect(signers).not.toContainText(stranger.firstName);
});
