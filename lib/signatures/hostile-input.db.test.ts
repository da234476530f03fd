// Adversarial input kept in the suite (issue 6): thousands of generated submissions,
// hostile in every field, go through the signing function against a real database.
// Each must end in "accepted" or a refusal a person can be told about (never a throw:
// a throw is a 500), and every row stored must be one the schema would store again.
import fc from "fast-check";
import { sql } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { logError } from "@/lib/errors";
import { recordSignature } from "./mutations";
import { signatureInputSchema } from "./schemas";

const LIVE = "palantir-end-falcon-icm";
const SEED = 20261130;
const RUNS = 2_500;
const REFUSALS = ["invalid", "not_found", "closed", "rate_limited"];

// Pieces a hostile person or a broken client sends.
const NASTY = [
  "\u0000", "\u0007", "\u001b[31m", "\u001b]0;title\u0007", "\u007f", "\u0085", "\u009b", "\r\n", "\r", "\n", "\t", "\u000b",
  "\u202e", "\u202a", "\u202c", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c",
  "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u3164", "\u2800", "\u{e0041}", "\u2028", "\u2029",
  "\ud800", "\udfff", "\ud83d", "e\u0301", "\u0301", "ﬁ", "＝", "ｈｔｔｐ://", "=", "+", "-", "@", "$`", "$'", "$&", "$1",
  "%00", "%ff", "\\", "\"", "'", "<script>", "&amp;", "https://x.example", "www.", ".com", "👩\u200d👧", "日本", "ñ", "ß",
  "xxslotfirstNamexx", "https://slot.invalid/confirmUrl", "{{name}}", "'; drop table signatures; --",
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) },
  { weight: 4, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }) },
);
const hostileText = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));
// A little of it: what a real person's paste or a sloppy client sends.
const mildText = fc
  .array(fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...NASTY) }, { weight: 4, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) }), {
    maxLength: 3,
  })
  .map((parts) => parts.join(""));
// Names that often get through: a plain name with something hostile around it.
const nameLike = fc.oneof(
  { weight: 2, arbitrary: hostileText },
  {
    weight: 5,
    arbitrary: fc
      .tuple(mildText, fc.constantFrom("Ana Pérez", "José Martínez", "Nguyễn Văn An", "Ana", "Фатима Алиева"), mildText)
      .map((t) => t.join("")),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 500 }) },
  { weight: 1, arbitrary: fc.anything() },
);
let n = 0;
const email = fc.oneof(
  { weight: 5, arbitrary: fc.constant(null).map(() => `fuzz${++n}@example.org`) },
  { weight: 2, arbitrary: fc.tuple(hostileText, fc.constantFrom("@example.org", "", "@")).map(([a, b]) => `${a}${b}`) },
  { weight: 1, arbitrary: fc.emailAddress() },
  { weight: 1, arbitrary: fc.anything() },
);
const maybe = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 2 });

const input = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.record(
      {
        fullName: nameLike,
        email,
        postalCode: maybe(fc.oneof(fc.constantFrom("30318", "sw1a 1aa", "12345-6789"), hostileText, fc.anything())),
        showName: maybe(fc.oneof(fc.boolean(), fc.constantFrom("on", "true", "", "yes"), fc.anything())),
        wantsUpdates: maybe(fc.oneof(fc.boolean(), fc.constantFrom("on", "false"), fc.anything())),
        comment: maybe(
          fc.oneof(
            { weight: 4, arbitrary: mildText },
            { weight: 2, arbitrary: hostileText },
            { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 2_000 }) },
            { weight: 1, arbitrary: fc.anything() },
          ),
        ),
        ref: maybe(fc.oneof(fc.constantFrom("abcd1234", "ABCD"), hostileText, fc.anything())),
        // The honeypot: mostly empty, as people leave it.
        website: fc.oneof({ weight: 8, arbitrary: fc.constantFrom(undefined, "") }, { weight: 1, arbitrary: fc.oneof(hostileText, fc.anything()) }),
      },
      { requiredKeys: ["fullName", "email"] },
    ),
  },
  { weight: 1, arbitrary: fc.anything() },
);
const slug = fc.oneof(
  { weight: 8, arbitrary: fc.constant(LIVE) },
  { weight: 1, arbitrary: fc.oneof(hostileText, fc.constantFrom("a\u0000b", "%ff", "no-such-campaign", "", "x".repeat(5_000))) },
);

type Stored = {
  full_name: string;
  email: string;
  postal_code: string | null;
  comment: string | null;
  referred_by: string | null;
  show_name: boolean;
};

describe("signing with hostile input", () => {
  it("answers accepted or a refusal, never throws, and stores only valid rows", { timeout: 300_000 }, async () => {
    let ip = 0;
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(slug, input, fc.constantFrom("en", "es"), async (campaignSlug, body, locale) => {
        const result = await recordSignature({ campaignSlug, input: body, locale: locale as "en" | "es", clientIp: `fuzz-${++ip}` });
        const outcome = result.ok ? "accepted" : result.code;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        expect(result.ok || REFUSALS.includes(result.code)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );

    // The run must have reached the database often, or it proves little.
    console.info("hostile signing outcomes", Object.fromEntries(outcomes));
    expect(outcomes.get("accepted")).toBeGreaterThan(RUNS / 10);
    expect(outcomes.get("invalid")).toBeGreaterThan(RUNS / 10);

    const rows = await queryRows<Stored>(
      await getDb(),
      sql`select full_name, email, postal_code, comment, referred_by, show_name from signatures`,
    );
    expect(rows.length).toBeGreaterThan(RUNS / 20);
    for (const row of rows) {
      const again = signatureInputSchema.safeParse({
        fullName: row.full_name,
        email: row.email,
        postalCode: row.postal_code ?? undefined,
        comment: row.comment ?? undefined,
        ref: row.referred_by ?? undefined,
      });
      expect(again.success, JSON.stringify(row)).toBe(true);
      if (!again.success) continue;
      // Stored text is already normalised: parsing it again changes nothing.
      expect(again.data.fullName).toBe(row.full_name);
      expect(again.data.comment ?? null).toBe(row.comment);
      expect(again.data.postalCode ?? null).toBe(row.postal_code);
      expect(row.full_name.normalize("NFC")).toBe(row.full_name);
      expect(row.full_name).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\n]/u);
      expect(row.comment ?? "").not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\r]/u);
    }
  });
});

describe("what PostgreSQL would refuse", () => {
  const sign = (campaignSlug: string, input: Record<string, unknown>) =>
    recordSignature({ campaignSlug, input, locale: "en", clientIp: `nul-${Math.random()}` });

  it("a NUL byte in a name, comment or slug is a refusal, not an error", async () => {
    expect(await sign(LIVE, { fullName: "Ana\u0000Pérez", email: "nul1@example.org" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { fullName: ["fullNameCharacters"] },
    });
    expect(await sign(LIVE, { fullName: "Ana Pérez", email: "nul2@example.org", comment: "x\u0000" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { comment: ["commentCharacters"] },
    });
    expect(await sign("a\u0000b", { fullName: "Ana Pérez", email: "nul3@example.org" })).toEqual({ ok: false, code: "not_found" });
  });

  it("a failed query is logged with its code and without what the person typed", async () => {
    const name = "Maribel Rojas";
    const email = "maribel.rojas@example.org";
    const secretHash = "Xq3vB0yZ7kLm2Np9Rs4Tu6Wv8Yx1Za3Bc5De7Fg9Hi";
    let failure: unknown;
    try {
      // The statement today's signing path sent with a NUL in the comment.
      await (await getDb()).execute(
        sql`select ${name}::text as full_name, ${email}::text as email, ${secretHash}::text as ip_hash, ${"a\u0000b"}::text as comment`,
      );
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(Error);
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    logError("api-sign", failure);
    const out = spy.mock.calls.map((args) => args.join(" ")).join("\n");
    spy.mockRestore();
    expect(out).toMatch(/^\[api-sign\] \w+/);
    expect(out).toMatch(/\[22021\]|\[22P05\]/); // PostgreSQL's code for a NUL in text
    for (const secret of [name, "Maribel", email, secretHash]) expect(out).not.toContain(secret);
  });
});
