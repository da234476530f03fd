// A supporter whose browser asks for Spanish lands on /es and never meets English:
// not on the pages, not in the email.
import { CAMPAIGNS, baseUrl, expect, newSigner, test } from "./fixtures";
import { signConfirmAndSeeCount, spanish } from "./signing-journey";

test.use({ locale: "es-MX" });

test("a supporter signs in Spanish", async ({ page, api, mail }) => {
  const signer = newSigner("Guadalupe", "Sánchez");

  await page.goto("/");
  await expect(page).toHaveURL(`${baseUrl()}/es`);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expect(page.getByRole("heading", { level: 2, name: "Campañas activas" })).toBeVisible();

  await signConfirmAndSeeCount({
    page,
    api,
    mail,
    copy: spanish,
    slug: CAMPAIGNS.spanish.slug,
    title: CAMPAIGNS.spanish.titleEs,
    signer,
    start: "/",
  });

  // The email is Spanish through and through.
  const [email] = await mail.sentTo(signer.email);
  expect(email.subject).toBe(`Confirma tu firma: ${CAMPAIGNS.spanish.titleEs}`);
  expect(email.text).toContain(`Hola, ${signer.firstName}:`);
  expect(email.text).toContain("Tu firma solo cuenta cuando la confirmas.");
  expect(email.html).toContain('lang="es"');
  expect(email.text).not.toMatch(/Confirm your signature|Thank you for signing/);
});

test("a Spanish speaker switches to English and the choice sticks", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(`${baseUrl()}/es`);
  // Let the page's link prefetches finish first (see the next test for why).
  await page.waitForLoadState("networkidle");
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(`${baseUrl()}/`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 2, name: "Live campaigns" })).toBeVisible();
  // The browser still asks for Spanish, but the choice made on the page wins.
  await page.goto("/");
  await expect(page).toHaveURL(`${baseUrl()}/`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

// A prefetch the Spanish page started before the person pressed "English" can
// answer after it; it must not switch them back to Spanish.
test("a Spanish prefetch still in flight does not undo the switch to English", async ({ page }) => {
  await page.goto("/lang/en?to=%2F"); // the switch: remembers English, lands on /
  await expect(page).toHaveURL(`${baseUrl()}/`);
  // What the Spanish page's <Link> prefetch sends (Next.js hides the RSC headers from the
  // proxy; the browser's Sec-Fetch-Dest still tells it apart); it shares the browser's cookies.
  const prefetch = await page.request.get(`/es/campaigns/${CAMPAIGNS.spanish.slug}`, {
    headers: { RSC: "1", "Next-Router-Prefetch": "1", "Sec-Fetch-Dest": "empty" },
  });
  expect(prefetch.status()).toBe(200);
  await page.goto("/");
  await expect(page).toHaveURL(`${baseUrl()}/`);
});
