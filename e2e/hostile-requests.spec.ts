// What a hostile client or a cross-site page sends to the API and the sign form, and
// what it must get back: a clear 4xx in the person's language, never a 5xx, and
// nothing signed that the person did not send as JSON.
import { CAMPAIGNS, expect, newClientIp, newSigner, test } from "./fixtures";

const { slug } = CAMPAIGNS.phone;
const signUrl = (s = slug) => `/api/v1/campaigns/${s}/signatures`;
type ErrorJson = { error: { code: string; message: string; fields?: Record<string, string[]> } };

test.describe("the API refuses what is not a signature", () => {
  test("a cross-site text/plain post cannot sign: 415, in the caller's language", async ({ request }) => {
    const s = newSigner();
    const body = JSON.stringify({ fullName: s.fullName, email: s.email });
    // What an HTML form or fetch() on another site can send without a preflight.
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await request.post(signUrl(), {
        headers: { "Content-Type": type, "X-Forwarded-For": newClientIp() },
        data: body,
      });
      expect(response.status(), type).toBe(415);
      expect(await response.json()).toEqual({
        error: {
          code: "unsupported_media_type",
          message: "Send the signature as JSON, with the header Content-Type: application/json.",
        },
      });
    }
    const es = await request.post(signUrl(), {
      headers: { "Content-Type": "text/plain;charset=UTF-8", "Accept-Language": "es", "X-Forwarded-For": newClientIp() },
      data: body,
    });
    expect(es.status()).toBe(415);
    expect(((await es.json()) as ErrorJson).error.message).toBe(
      "Envía la firma en JSON, con la cabecera Content-Type: application/json.",
    );
  });

  test("a body over 16 KB gets 413, even one of 900,000 keys", async ({ request }) => {
    const s = newSigner();
    const padded = await request.post(signUrl(), {
      headers: { "Content-Type": "application/json", "X-Forwarded-For": newClientIp() },
      data: JSON.stringify({ fullName: s.fullName, email: s.email, comment: "x".repeat(17 * 1024) }),
    });
    expect(padded.status()).toBe(413);
    expect(await padded.json()).toEqual({
      error: { code: "too_large", message: "That request is too large. Send only the signature's fields." },
    });

    // The review's body: 20 MB, 900,000 keys; parsed for 6 s and accepted on the old code.
    const keys = Array.from({ length: 900_000 }, (_, i) => `"k${i}":1`).join(",");
    const huge = `{"fullName":"${s.fullName}","email":"${s.email}",${keys}}`;
    const response = await request.post(signUrl(), {
      headers: { "Content-Type": "application/json", "Accept-Language": "es", "X-Forwarded-For": newClientIp() },
      data: huge,
    });
    expect(response.status()).toBe(413);
    expect(((await response.json()) as ErrorJson).error.message).toBe(
      "La solicitud es demasiado grande. Envía solo los campos de la firma.",
    );
  });

  test("many keys or nested values within 16 KB are refused as not a signature", async ({ request }) => {
    const s = newSigner();
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));
    const response = await request.post(signUrl(), {
      headers: { "Content-Type": "application/json", "X-Forwarded-For": newClientIp() },
      data: { fullName: s.fullName, email: s.email, ...many },
    });
    expect(response.status()).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: "invalid",
        message: "Please check the highlighted fields.",
        fields: { body: ["Send only the signature's fields, each a plain value."] },
      },
    });
    const nested = await request.post(signUrl(), {
      headers: { "Content-Type": "application/json", "X-Forwarded-For": newClientIp() },
      data: { fullName: { first: { name: s.fullName } }, email: s.email },
    });
    expect(nested.status()).toBe(400);
  });

  test("a NUL byte in a slug is an unknown campaign, in the caller's language", async ({ request, api }) => {
    const get = await request.get("/api/v1/campaigns/a%00b", { headers: { "Accept-Language": "es" } });
    expect(get.status()).toBe(404);
    expect(await get.json()).toEqual({ error: { code: "not_found", message: "No encontramos esa campaña." } });
    const s = newSigner();
    const post = await api.sign("a%00b", { fullName: s.fullName, email: s.email }, { ip: newClientIp() });
    expect(post.status()).toBe(404);
  });

  test("control codes, direction overrides and NUL bytes in a name or comment are field errors", async ({ api }) => {
    const s = newSigner();
    const nul = await api.sign(slug, { fullName: `${s.fullName}\u0000`, email: s.email }, { ip: newClientIp(), language: "es" });
    expect(nul.status()).toBe(400);
    expect(((await nul.json()) as ErrorJson).error.fields).toEqual({
      fullName: [
        "Tu nombre contiene códigos de control o de dirección del texto que no se pueden mostrar. Escríbelo de nuevo, por favor.",
      ],
    });
    const comment = await api.sign(
      slug,
      { fullName: s.fullName, email: s.email, comment: "\u001b[2J\u202eok" },
      { ip: newClientIp() },
    );
    expect(comment.status()).toBe(400);
    expect(((await comment.json()) as ErrorJson).error.fields).toEqual({
      comment: ["Your comment contains control or text-direction codes that cannot be shown. Please type it again."],
    });
    const invisible = await api.sign(slug, { fullName: "\u200b\u200b\u3164", email: s.email }, { ip: newClientIp() });
    expect(((await invisible.json()) as ErrorJson).error.fields).toEqual({ fullName: ["Enter your full name."] });
    const longLocal = await api.sign(slug, { fullName: s.fullName, email: `${"a".repeat(65)}@example.com` }, { ip: newClientIp() });
    expect(((await longLocal.json()) as ErrorJson).error.fields).toEqual({
      email: ["That address is too long: at most 64 characters before the @ and 254 in all."],
    });
  });

  test("the sign form answers a NUL byte with a message beside the field, not an error page", async ({ page }) => {
    await page.goto(`/campaigns/${slug}`);
    const s = newSigner();
    await page.getByLabel("Full name").fill(`${s.fullName}\u0000`);
    await page.getByRole("textbox", { name: "Email" }).fill(s.email);
    await page.getByRole("button", { name: "Sign", exact: true }).click();
    await expect(page.getByText("Your name contains control or text-direction codes that cannot be shown.")).toBeVisible();
  });
});
