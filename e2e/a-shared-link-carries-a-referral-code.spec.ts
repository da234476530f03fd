// A supporter shares their personal link; a friend who signs through it brings the
// referral code along with their signature. (That the sign action stores the code
// from the cookie is checked by lib/signatures/sign-action.db.test.ts.)
import { CAMPAIGNS, confirmLink, expect, newClientIp, newPersonContext, newSigner, test } from "./fixtures";

test("a shared link carries a referral code", async ({ browser, page, api, mail }) => {
  const { slug } = CAMPAIGNS.pledge;

  // Lucía pledges (through the API, as a partner site would) and confirms by email.
  const lucia = newSigner("Lucía", "Morales");
  const signed = await api.sign(slug, { fullName: lucia.fullName, email: lucia.email }, { ip: newClientIp() });
  expect(signed.status()).toBe(202);
  const [email] = await mail.waitFor(lucia.email);
  await page.goto(confirmLink(email));
  await page.getByRole("button", { name: "Confirm my pledge" }).click();
  const personal = page.getByRole("textbox", { name: "Your personal link" });
  await expect(personal).toHaveValue(/\?ref=[a-z0-9]{4,16}$/i);
  const personalLink = await personal.inputValue();
  const code = new URL(personalLink).searchParams.get("ref")!;

  // Her friend opens the link on their own phone and pledges.
  const friendContext = await newPersonContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const friend = await friendContext.newPage();
  const friendSigner = newSigner("Joaquín", "Ruiz");
  await friend.goto(personalLink);
  await expect(friend.getByRole("heading", { level: 1, name: CAMPAIGNS.pledge.title })).toBeVisible();

  await friend.getByLabel("Full name").fill(friendSigner.fullName);
  await friend.getByLabel("Email", { exact: true }).fill(friendSigner.email);
  const [post] = await Promise.all([
    friend.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === `/campaigns/${slug}`),
    friend.getByRole("button", { name: "I pledge", exact: true }).click(),
  ]);
  // The page may be everyone's cached copy, without the code: the cookie the link set carries it.
  expect(await post.headerValue("cookie"), "the form post carries the referral code").toContain(`ref=${code}`);
  await expect(friend.getByRole("status").getByRole("heading", { name: "Check your email" })).toBeVisible();
  await mail.waitFor(friendSigner.email);
  await friendContext.close();
});

test("a mangled referral code is dropped, not posted", async ({ page }) => {
  await page.goto(`/campaigns/${CAMPAIGNS.pledge.slug}?ref=${encodeURIComponent('"><script>x</script>')}`);
  await expect(page.getByRole("button", { name: "I pledge", exact: true })).toBeVisible();
  await expect(page.locator('input[name="ref"]')).toHaveCount(0);
});
