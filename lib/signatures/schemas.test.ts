import { describe, expect, it } from "vitest";
import { fieldErrorKeys, signatureInputSchema } from "./schemas";

const valid = { fullName: "Ana Pérez", email: "ana@example.org" };

function errors(input: Record<string, unknown>) {
  const result = signatureInputSchema.safeParse(input);
  return result.success ? {} : fieldErrorKeys(result.error);
}

describe("signatureInputSchema", () => {
  it("accepts a minimal signature and defaults the choices to no", () => {
    const parsed = signatureInputSchema.parse(valid);
    expect(parsed).toMatchObject({ fullName: "Ana Pérez", email: "ana@example.org", showName: false, wantsUpdates: false });
  });

  it("reads form checkboxes ('on') and JSON booleans alike", () => {
    expect(signatureInputSchema.parse({ ...valid, showName: "on", wantsUpdates: true })).toMatchObject({
      showName: true,
      wantsUpdates: true,
    });
  });

  it.each(["=HYPERLINK(\"x\")", "+1 234", "-2", "@SUM(A1)", "Visit https://spam.example", "buy at cheap.com now"])(
    "refuses the name %s",
    (fullName) => {
      expect(errors({ ...valid, fullName }).fullName).toEqual(["fullNameUnsafe"]);
    },
  );

  it("names each bad field with a catalogue key", () => {
    expect(errors({ fullName: "", email: "not-an-email", postalCode: "<script>", comment: "x".repeat(501) })).toEqual({
      fullName: ["fullNameRequired"],
      email: ["emailInvalid"],
      postalCode: ["postalCodeInvalid"],
      comment: ["commentTooLong"],
    });
  });

  it("normalizes the postal code and drops empty optionals", () => {
    const parsed = signatureInputSchema.parse({ ...valid, postalCode: " sw1a 1aa ", comment: "  " });
    expect(parsed.postalCode).toBe("SW1A 1AA");
    expect(parsed.comment).toBeUndefined();
  });

  it("ignores a malformed referral code instead of failing the signature", () => {
    expect(signatureInputSchema.parse({ ...valid, ref: "<bad>" }).ref).toBeUndefined();
    expect(signatureInputSchema.parse({ ...valid, ref: "abc234xyz" }).ref).toBe("abc234xyz");
  });
});
