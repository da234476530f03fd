// A phone's Share button sends the address of the page it shows: after confirming,
// the thank-you page. The thanks and the personal link are the signer's, kept in her
// browser; the friend she shares it with gets the campaign and its sign form.
import { baseUrl, CAMPAIGNS, confirmLink, expect, newClientIp, newPersonContext, newSigner, test } from "./fixtures";

test("Rosa shares her thank-you page; her friend gets the campaign and its sign form", async ({ browser, page, api, mail }) => {
  const { slug, title } = CAMPAIGNS.noJs;
  const rosa = newSigner("Rosa", "Delgado");
  expect((await api.sign(slug, { fullName: rosa.fullName, email: rosa.email }, { ip: newClientIp() })).status()).toBe(202);
  const [email] = await mail.waitFor(rosa.email);
  const link = confirmLink(email);
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my signature" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you, your signature counts" })).toBeVisible();
  const personal = await page.getByRole("textbox", { name: "Your personal link" }).inputValue();
  const code = new URL(personal).searchParams.get("ref");
  const thankYouPage = page.url();
  expect(thankYouPage).toBe(`${link}?result=confirmed`);

  // What her browser keeps: a signed, HttpOnly, SameSite=Lax cookie sent only to her page.
  const token = new URL(link).pathname.split("/").pop();
  const kept = (await page.context().cookies()).filter((c) => c.name.startsWith("ct_thanks"));
  expect(kept.map((c) => c.path).sort()).toEqual([`/campaigns/${slug}/confirm/${token}`, `/es/campaigns/${slug}/confirm/${token}`]);
  for (const cookie of kept) expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  // In her browser the page stays hers, in either language.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Thank you, your signature counts" })).toBeVisible();
  await page.goto(new URL(link).pathname.replace(/^/, "/es"));
  await expect(page.getByRole("heading", { level: 1, name: "Ya estaba confirmada" })).toBeVisible();

  // Her friend, on his own phone, opens the address she shared.
  const friendContext = await newPersonContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const friend = await friendContext.newPage();
  await friend.goto(thankYouPage);
  await expect(friend).toHaveURL(`${baseUrl()}/campaigns/${slug}?ref=${code}`);
  await expect(friend.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(friend.getByRole("heading", { name: "Add your name" })).toBeVisible();
  await expect(friend.getByText("Thank you, your signature counts")).toHaveCount(0);
  await expect(friend.getByRole("textbox", { name: "Your personal link" })).toHaveCount(0);
  // A made-up cookie does not make the page his either.
  await friendContext.addCookies([
    { name: "ct_thanks_en", value: "forged", domain: new URL(baseUrl()).hostname, path: `/campaigns/${slug}/confirm/${token}` },
  ]);
  await friend.goto(thankYouPage);
  await expect(friend).toHaveURL(`${baseUrl()}/campaigns/${slug}?ref=${code}`);
  await friendContext.close();
});
