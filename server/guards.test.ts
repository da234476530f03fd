import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES, UPLOAD_LIMIT_BYTES, UPLOAD_PATH, refusalFor } from "./guards.mjs";
import { requestLocale } from "./locale.mjs";
import { apiMessage } from "./refusals.mjs";
import { MAIL_NOT_CONFIGURED, resolveMailMode } from "./mail-mode.mjs";

const APP_HOST = "cutties.example.org";
function refusal(method: string, url: string, headers: Record<string, string> = {}) {
  return refusalFor({ method, url, headers: { host: APP_HOST, ...headers } } as unknown as IncomingMessage, APP_HOST);
}

describe("requests refused before Next.js", () => {
  it("lets only the admin upload route past 1 MB, up to its own limit", () => {
    const big = { "content-length": String(BODY_LIMIT_BYTES + 1) };
    expect(refusal("POST", UPLOAD_PATH, big)).toBeNull();
    expect(refusal("POST", `${UPLOAD_PATH}?x=1`, big)).toBeNull();
    expect(refusal("POST", UPLOAD_PATH, { "content-length": String(UPLOAD_LIMIT_BYTES + 1) })).toBe("too_large");
    expect(refusal("PUT", UPLOAD_PATH, big)).toBe("too_large");
    expect(refusal("POST", "/api/admin/facts/importx", big)).toBe("too_large");
    expect(refusal("POST", "/api/v1/campaigns/x/signatures", big)).toBe("too_large");
  });

  it("a path that does not decode", () => {
    for (const url of ["/campaigns/%ff", "/campaigns/x/confirm/%C0%AE", "/es/%E0%A4%A", "/api/v1/campaigns/%"]) {
      expect(refusal("GET", url)).toBe("bad_path");
    }
    expect(refusal("GET", "/campaigns/caf%C3%A9?x=%ff")).toBeNull();
  });

  it("a body over 1 MB, or of unknown length", () => {
    expect(refusal("POST", "/campaigns/x", { "content-length": String(BODY_LIMIT_BYTES + 1) })).toBe("too_large");
    expect(refusal("POST", "/api/v1/campaigns/x/signatures", { "content-length": String(BODY_LIMIT_BYTES + 1) })).toBe("too_large");
    expect(refusal("POST", "/campaigns/x", { "content-length": String(BODY_LIMIT_BYTES) })).toBeNull();
    expect(refusal("POST", "/campaigns/x", { "transfer-encoding": "chunked" })).toBe("length_required");
  });

  it("a post to a page or server action from another site", () => {
    expect(refusal("POST", "/campaigns/x", { origin: "https://evil.example" })).toBe("cross_origin");
    expect(refusal("POST", "/campaigns/x", { origin: "null" })).toBe("cross_origin");
    expect(refusal("POST", "/campaigns/x", { origin: `https://${APP_HOST}` })).toBeNull();
    expect(refusal("POST", "/campaigns/x", { origin: "http://localhost:3000", host: "localhost:3000" })).toBeNull();
    expect(refusal("POST", "/campaigns/x")).toBeNull(); // no Origin: not a browser's cross-site post
    expect(refusal("GET", "/campaigns/x", { origin: "https://evil.example" })).toBeNull();
    // The public API is meant for other sites; its own rules apply there.
    expect(refusal("POST", "/api/v1/campaigns/x/signatures", { origin: "https://evil.example" })).toBeNull();
  });
});

describe("mail mode", () => {
  it("captures only in embedded mode or when asked", () => {
    expect(resolveMailMode({ RESEND_API_KEY: "re_x", DATABASE_URL: "postgres://db" })).toBe("resend");
    expect(resolveMailMode({})).toBe("capture");
    expect(resolveMailMode({ DATABASE_URL: "postgres://db", MAIL_CAPTURE: "on" })).toBe("capture");
    expect(resolveMailMode({ DATABASE_URL: "postgres://db" })).toBe("unconfigured");
    expect(resolveMailMode({ DATABASE_URL: "postgres://db", MAIL_CAPTURE: "off" })).toBe("unconfigured");
    expect(MAIL_NOT_CONFIGURED).toMatch(/RESEND_API_KEY=.*\n.*MAIL_CAPTURE=on/s);
  });
});

describe("the language of the server's own pages", () => {
  const locale = (url: string, headers: Record<string, string> = {}) =>
    requestLocale({ url, headers } as unknown as IncomingMessage);
  it("follows the /es prefix, then the remembered choice, then Accept-Language", () => {
    expect(locale("/es/%ff", { "accept-language": "en" })).toBe("es");
    expect(locale("/es", {})).toBe("es");
    expect(locale("/campaigns/%ff", { cookie: "a=b; lang=es", "accept-language": "en" })).toBe("es");
    expect(locale("/campaigns/%ff", { "accept-language": "fr;q=1, es-MX;q=0.8, en;q=0.5" })).toBe("es");
    expect(locale("/campaigns/%ff", { "accept-language": "de" })).toBe("en");
    expect(locale("/estonia")).toBe("en");
  });
});

describe("the API's words", () => {
  it("a body over the server's cap is refused as the API refuses its own: same code, same message", async () => {
    const { messages } = await import("@/lib/i18n");
    expect(apiMessage("too_large", "en")).toBe(messages("en").errors.too_large);
    expect(apiMessage("too_large", "es")).toBe(messages("es").errors.too_large);
  });
});
