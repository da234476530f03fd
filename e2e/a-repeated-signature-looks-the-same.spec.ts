// Signing again with the same address (another case, a Gmail +tag, no dots) gets the
// very same answer as the first time, so the form never reveals who has signed, and
// the inbox gets one confirmation email, not one per click.
import { randomBytes } from "node:crypto";
import { CAMPAIGNS, expect, newClientIp, newSigner, test } from "./fixtures";

test("a repeated signature looks the same", async ({ page, api, mail }) => {
  const token = `${randomBytes(4).toString("hex")}${Date.now().toString(36)}`;
  const signer = newSigner("Rosa", "Delgado");
  const addresses = [
    `rosa.delgado.${token}@gmail.com`,
    `ROSA.Delgado.${token.toUpperCase()}@GMAIL.COM`,
    `rosadelgado${token}+petitions@gmail.com`,
  ];

  const answers: string[] = [];
  for (const address of addresses) {
    await page.goto(`/campaigns/${CAMPAIGNS.phone.slug}`);
    await page.getByLabel("Full name").fill(signer.fullName);
    await page.getByLabel("Email", { exact: true }).fill(address);
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    const status = page.getByRole("status").filter({ has: page.getByRole("heading", { name: "Check your email" }) });
    await expect(status).toBeVisible();
    // The answer repeats the address as typed (so a typo can be caught); apart from it, the same words.
    const text = (await status.innerText()).trim();
    expect(text).toContain(`We sent a link to ${address}.`);
    answers.push(text.replace(address, "<address>"));
  }
  expect(answers[1]).toBe(answers[0]);
  expect(answers[2]).toBe(answers[0]);

  // Wait until the app has finished with anything the repeats queued, then count. The
  // outbox sends in the order emails were queued, and its worker takes one wake-up at a
  // time, finishing every email it claimed before the next. So Iker's email arriving
  // means the repeats' emails were claimed (perhaps in the same batch, still sending);
  // Lena, who signs only after that, is claimed by a later round, so her email arriving
  // means that batch, and everything queued before it, is settled.
  for (const [first, last] of [["Iker", "Navarro"], ["Lena", "Ibarra"]]) {
    const later = newSigner(first, last);
    const response = await api.sign(CAMPAIGNS.phone.slug, { fullName: later.fullName, email: later.email }, { ip: newClientIp() });
    expect(response.status()).toBe(202);
    await mail.waitFor(later.email);
  }

  const sent = await mail.sentTo(token);
  expect(sent.map((e) => e.subject)).toEqual([`Confirm your signature: ${CAMPAIGNS.phone.title}`]);
  expect(sent[0].to).toEqual([addresses[0]]);
});
