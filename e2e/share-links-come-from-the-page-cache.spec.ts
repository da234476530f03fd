// In a viral moment nearly everyone arrives through a share link (`?ref=`) or a link a
// social network decorated (`?fbclid=`, `utm_*`). Those are answered from the same
// cached copy as the plain page (X-Cache: HIT), and the referral code still reaches
// the signature: the proxy keeps it in a cookie the sign form's post carries, also
// without JavaScript.
import { randomBytes } from "node:crypto";
import { CAMPAIGNS, expect, newPersonContext, newSigner, test } from "./fixtures";

const pageLoad = { accept: "text/html,application/xhtml+xml", "sec-fetch-dest": "document" };
const fresh = (prefix: string) => `${prefix}${randomBytes(4).toString("hex")}`;

test("share links and tracking links are answered from the plain page's cached copy", async ({ request }) => {
  const plain = `/campaigns/${CAMPAIGNS.phone.slug}`;
  const code = fresh("e2e");
  // A copy lives two seconds (and a confirmation elsewhere drops it): load the plain
  // page, then links it has never seen, each with a new code, until they find it there.
  await expect
    .poll(
      async () => {
        await request.get(plain, { headers: pageLoad });
        const shared = await request.get(`${plain}?ref=${code}`, { headers: pageLoad });
        const tracked = await request.get(`${plain}?fbclid=${fresh("IwAR")}&utm_source=facebook`, { headers: pageLoad });
        return [shared.headers()["x-cache"], tracked.headers()["x-cache"]];
      },
      { timeout: 20_000, intervals: [100, 250, 500] },
    )
    .toEqual(["HIT", "HIT"]);

  // The share link's code goes into a first-party, HttpOnly cookie for that campaign's page only.
  const shared = await request.get(`${plain}?ref=${code}`, { headers: pageLoad });
  const cookie = shared.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("ref="))?.value ?? "";
  expect(cookie).toContain(`ref=${code};`);
  expect(cookie).toMatch(/;\s*Path=\/campaigns\/amazon-stop-hosting-palantir(;|$)/i);
  expect(cookie).toMatch(/;\s*HttpOnly/i);
  expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  expect(cookie).toMatch(/;\s*Max-Age=\d+/i);
  // Everyone's copy: no visitor's code in it.
  expect(await shared.text()).not.toContain(code);
});

test("a friend signs through a share link without JavaScript, and the post carries the code", async ({ browser, mail }) => {
  const { slug, title } = CAMPAIGNS.noJs;
  const context = await newPersonContext(browser, { javaScriptEnabled: false });
  const page = await context.newPage();
  const code = fresh("lucia");
  const link = `/campaigns/${slug}?ref=${code}`;

  // The link opens the cached copy (loaded by someone else a moment before).
  await expect
    .poll(
      async () => {
        await context.request.get(`/campaigns/${slug}`, { headers: pageLoad });
        return (await page.goto(link))?.headers()["x-cache"];
      },
      { timeout: 20_000, intervals: [100, 250, 500] },
    )
    .toBe("HIT");
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.locator('input[name="ref"]')).toHaveCount(0);

  const friend = newSigner("Joaquín", "Ruiz");
  await page.getByLabel("Full name").fill(friend.fullName);
  await page.getByLabel("Email", { exact: true }).fill(friend.email);
  const [post] = await Promise.all([
    page.waitForRequest((r) => r.method() === "POST" && new URL(r.url()).pathname === `/campaigns/${slug}`),
    page.getByRole("button", { name: "Sign", exact: true }).click(),
  ]);
  expect(await post.headerValue("cookie"), "the form post brings the share link's code").toContain(`ref=${code}`);
  await expect(page.getByRole("status").getByRole("heading", { name: "Check your email" })).toBeVisible();
  await mail.waitFor(friend.email);
  await context.close();
});
