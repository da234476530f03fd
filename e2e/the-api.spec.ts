// The public JSON API, as a partner site or a script uses it.
import { ALL_SLUGS, CAMPAIGNS, confirmLink, expect, newClientIp, newSigner, test, type CampaignJson } from "./fixtures";

test.describe("the API", () => {
  test("lists the live campaigns, cacheable for a few seconds", async ({ request }) => {
    const response = await request.get("/api/v1/campaigns");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(response.headers()["cache-control"]).toMatch(/^public, max-age=\d+/);
    const { data } = (await response.json()) as { data: CampaignJson[] };
    expect(data.map((c) => c.slug).sort()).toEqual(expect.arrayContaining([...ALL_SLUGS].sort()));
    for (const campaign of data) {
      expect(campaign).toMatchObject({
        slug: expect.any(String),
        title: expect.any(String),
        status: "live",
        goal: expect.any(Number),
        confirmedCount: expect.any(Number),
      });
      expect(campaign.targets.length).toBeGreaterThan(0);
    }
  });

  test("counts a confirmed signature once, in the list and on the campaign", async ({ api, mail, page, request }) => {
    // The pledge: no other journey asserts its count, so this confirmation cannot upset
    // theirs. (The shared-link journey confirms one there too; it runs early in the suite.)
    const { slug } = CAMPAIGNS.pledge;
    const listed = async () => {
      const response = await request.get("/api/v1/campaigns");
      expect(response.status()).toBe(200);
      const { data } = (await response.json()) as { data: CampaignJson[] };
      const campaign = data.find((c) => c.slug === slug);
      expect(campaign, `${slug} in the list`).toBeTruthy();
      return campaign!.confirmedCount;
    };
    const before = await listed();
    expect(await api.confirmedCount(slug)).toBe(before);

    const s = newSigner("Contada", "Una");
    expect((await api.sign(slug, { fullName: s.fullName, email: s.email }, { ip: newClientIp() })).status()).toBe(202);
    const [email] = await mail.waitFor(s.email);
    await page.goto(confirmLink(email));
    await page.getByRole("button", { name: "Confirm my pledge" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Thank you, your pledge counts" })).toBeVisible();

    // Public reads may be a few seconds old (max-age=5): both catch up, by exactly one.
    const options = { timeout: 15_000, intervals: [500, 1000] };
    await expect.poll(listed, { message: "the list counts the confirmation", ...options }).toBe(before + 1);
    await expect.poll(() => api.confirmedCount(slug), { message: "the campaign counts it", ...options }).toBe(before + 1);
  });

  test("gives one campaign, in the language asked for", async ({ request }) => {
    const { slug, title, titleEs } = CAMPAIGNS.spanish;
    const en = await request.get(`/api/v1/campaigns/${slug}`);
    expect(en.status()).toBe(200);
    expect(en.headers()["cache-control"]).toMatch(/^public, max-age=\d+/);
    const { data } = (await en.json()) as { data: CampaignJson };
    expect(data).toMatchObject({ slug, title, status: "live", kind: "petition" });
    expect(data.targets).toEqual([{ slug: "thomson-reuters", name: "Thomson Reuters" }]);

    const es = await request.get(`/api/v1/campaigns/${slug}`, { headers: { "Accept-Language": "es" } });
    expect(((await es.json()) as { data: CampaignJson }).data.title).toBe(titleEs);
    expect(es.headers()["vary"]).toMatch(/Accept-Language/i);
  });

  test("answers 404 for an unknown campaign", async ({ request, api }) => {
    const response = await request.get("/api/v1/campaigns/no-such-campaign");
    expect(response.status()).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "We could not find that campaign." } });
    const s = newSigner();
    const post = await api.sign("no-such-campaign", { fullName: s.fullName, email: s.email }, { ip: newClientIp() });
    expect(post.status()).toBe(404);
  });

  test("refuses a bad signature with an error per field", async ({ api, request }) => {
    const { slug } = CAMPAIGNS.phone;
    const bad = await api.sign(slug, { fullName: "", email: "not-an-address", postalCode: "12#45" }, { ip: newClientIp() });
    expect(bad.status()).toBe(400);
    expect(bad.headers()["cache-control"]).toBe("no-store");
    expect(await bad.json()).toEqual({
      error: {
        code: "invalid",
        message: "Please check the highlighted fields.",
        fields: {
          fullName: ["Enter your full name."],
          email: ["Enter an email address like name@example.com."],
          postalCode: ["Use letters, digits, spaces and dashes only (at most 12)."],
        },
      },
    });

    const formula = await api.sign(slug, { fullName: "=cmd|'/C calc'!A0", email: "a@example.com" }, { ip: newClientIp(), language: "es" });
    expect(formula.status()).toBe(400);
    expect(((await formula.json()) as { error: { fields: Record<string, string[]> } }).error.fields).toEqual({
      fullName: ["El nombre no puede empezar con = + - @ ni contener una dirección web."],
    });

    const notJson = await request.post(`/api/v1/campaigns/${slug}/signatures`, {
      headers: { "Content-Type": "application/json", "X-Forwarded-For": newClientIp() },
      data: "{not json",
    });
    expect(notJson.status()).toBe(400);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe("invalid");
  });

  test("accepts a signature with 202, and a repeat with the very same answer", async ({ api, mail }) => {
    const { slug } = CAMPAIGNS.phone;
    const s = newSigner("Api", "Firmante");
    const first = await api.sign(slug, { fullName: s.fullName, email: s.email, showName: true }, { ip: newClientIp() });
    const again = await api.sign(slug, { fullName: s.fullName, email: s.email.toUpperCase() }, { ip: newClientIp() });
    expect(first.status()).toBe(202);
    expect(again.status()).toBe(202);
    expect(first.headers()["cache-control"]).toBe("no-store");
    expect(await again.json()).toEqual(await first.json());
    expect(await first.json()).toEqual({ data: { status: "pending_confirmation" } });
    const [email] = await mail.waitFor(s.email);
    expect(email.subject).toBe(`Confirm your signature: ${CAMPAIGNS.phone.title}`);
  });
});
