// The sign form's action and a share link's referral code: the cached campaign page
// has no field for it, so the action takes it from the cookie the proxy set when the
// link was opened (lib/signatures/referral-cookie.ts); a code in the form still wins.
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb, queryRows } from "@/db/client";

// What the request brings: the cookie header (next/headers reads the live request).
const request = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", async () => {
  const { RequestCookies } = await import("next/dist/compiled/@edge-runtime/cookies");
  const current = () => new Headers({ cookie: request.cookie, "x-forwarded-for": "203.0.113.7" });
  return { headers: async () => current(), cookies: async () => new RequestCookies(current()) };
});

const { signAction } = await import("./actions");

const SLUG = "palantir-end-falcon-icm";
let n = 0;

async function sign(fields: Record<string, string>) {
  const email = `friend-${++n}-${Date.now()}@example.org`;
  const form = new FormData();
  for (const [k, v] of Object.entries({ campaign: SLUG, locale: "en", fullName: "Joaquín Ruiz", email, ...fields })) form.set(k, v);
  const state = await signAction({ status: "idle" }, form);
  // The accepted state repeats what was typed, so the page can show the address it mailed.
  expect(state).toMatchObject({ status: "accepted", values: { email, fullName: "Joaquín Ruiz" } });
  const [row] = await queryRows<{ referred_by: string | null }>(await getDb(), sql`select referred_by from signatures where email = ${email}`);
  return row.referred_by;
}

describe("signAction and the referral cookie", () => {
  beforeEach(() => {
    request.cookie = "";
  });

  it("stores the share link's code from its cookie when the form has none", async () => {
    request.cookie = "lang=en; ref=lucia2024";
    expect(await sign({})).toBe("lucia2024");
  });

  it("prefers the code in the form", async () => {
    request.cookie = "ref=fromcookie";
    expect(await sign({ ref: "fromform" })).toBe("fromform");
  });

  it("ignores a cookie that is not a code, and signs without one", async () => {
    request.cookie = `ref=${encodeURIComponent('"><script>')}`;
    expect(await sign({})).toBeNull();
    request.cookie = "";
    expect(await sign({})).toBeNull();
  });
});
