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

// Text as people write it (issue 6, item 6): each row is what a person or a script sent,
// and either what is stored or the field error they are shown.
describe("names and comments are text people write", () => {
  const name = (fullName: unknown) => signatureInputSchema.safeParse({ ...valid, fullName });
  const comment = (value: unknown) => signatureInputSchema.safeParse({ ...valid, comment: value });

  it.each([
    ["NFC: a decomposed accent is composed", "Jose\u0301 Pe\u0301rez", "José Pérez"],
    ["a newline in a name becomes a space", "Ana\nPérez", "Ana Pérez"],
    ["CR LF, tabs and runs of spaces fold to one space", " Ana\r\n\t  Pérez ", "Ana Pérez"],
    ["a line or paragraph separator folds too", "Ana\u2028Pérez\u2029López", "Ana Pérez López"],
    ["zero-width spaces, word joiners and BOMs are dropped", "A\u200bna\u2060 P\ufeffé\u00adrez", "Ana Pérez"],
    ["direction marks are dropped", "\u200fAna Pérez\u200e", "Ana Pérez"],
    ["tag characters (hidden text) are dropped", "Ana\u{e0041}\u{e0042} Pérez", "Ana Pérez"],
    ["a mark after a dropped character still composes", "Jose\u200b\u0301", "José"],
    ["ZWNJ stays (Persian needs it)", "می\u200cخواهم", "می\u200cخواهم"],
    ["emoji with ZWJ stay whole", "Ana 👩\u200d👩\u200d👧", "Ana 👩\u200d👩\u200d👧"],
    ["other scripts are names", "Đặng Thị Ngọc", "Đặng Thị Ngọc"],
  ])("%s", (_why, input, stored) => {
    const parsed = name(input);
    expect(parsed.success && parsed.data.fullName).toBe(stored);
  });

  it.each([
    ["a NUL byte", "Ana\u0000Pérez", "fullNameCharacters"],
    ["an ANSI escape", "\u001b[31mAna Pérez\u001b[0m", "fullNameCharacters"],
    ["a bell", "Ana\u0007", "fullNameCharacters"],
    ["DEL", "Ana\u007f Pérez", "fullNameCharacters"],
    ["a C1 control (CSI)", "Ana\u009b31m Pérez", "fullNameCharacters"],
    ["a C1 next line", "Ana\u0085Pérez", "fullNameCharacters"],
    ["a right-to-left override", "Ana \u202ezeréP", "fullNameCharacters"],
    ["a left-to-right embedding", "\u202aAna Pérez", "fullNameCharacters"],
    ["a pop directional formatting", "Ana Pérez\u202c", "fullNameCharacters"],
    ["a first-strong isolate", "Ana \u2068Pérez\u2069", "fullNameCharacters"],
    ["a right-to-left isolate", "\u2067Ana", "fullNameCharacters"],
    ["a lone high surrogate", "Ana \ud83d Pérez", "fullNameCharacters"],
    ["a lone low surrogate", "Ana \udc00", "fullNameCharacters"],
    ["zero-width characters only", "\u200b\u200b\u200b", "fullNameRequired"],
    ["Hangul fillers only (look blank)", "\u3164\u3164", "fullNameRequired"],
    ["braille blanks only", "\u2800\u2800\u2800", "fullNameRequired"],
    ["punctuation only", "...", "fullNameRequired"],
    ["spaces and newlines only", " \n \r\n ", "fullNameRequired"],
    ["a formula after invisible characters", "\u200b=HYPERLINK(\"x\")", "fullNameUnsafe"],
    ["a formula after a newline", "\n@SUM(A1)", "fullNameUnsafe"],
    ["a full-width formula", "＝cmd", "fullNameUnsafe"],
    ["a full-width web address", "Ana ｈｔｔｐｓ://spam", "fullNameUnsafe"],
    ["a web address", "Ana www.spam.example", "fullNameUnsafe"],
    ["over 100 characters once normalised", "Ana ".repeat(30), "fullNameTooLong"],
    ["a huge body", "a".repeat(100_000), "fullNameTooLong"],
    ["a number", 42, "fullNameRequired"],
    ["an object", { toString: "x" }, "fullNameRequired"],
  ])("refuses a name with %s", (_why, input, key) => {
    expect(errors({ ...valid, fullName: input }).fullName).toEqual([key]);
  });

  it.each([
    ["CR LF and lone CR become LF", "one\r\ntwo\rthree", "one\ntwo\nthree"],
    ["line and paragraph separators become LF", "one\u2028two\u2029three", "one\ntwo\nthree"],
    ["at most one blank line in a row", "one\n\n\n\n\ntwo", "one\n\ntwo"],
    ["spaces at line ends and tabs", "one  \n\ttwo\t", "one\n two"],
    ["NFC", "cafe\u0301", "café"],
    ["invisible characters dropped", "ya\u200b basta\ufeff", "ya basta"],
    ["only invisible characters is no comment", "\u200b\u3164\n\u2060", undefined],
  ])("normalises a comment: %s", (_why, input, stored) => {
    const parsed = comment(input);
    expect(parsed.success).toBe(true);
    expect(parsed.success && parsed.data.comment).toBe(stored);
  });

  it.each([
    ["a NUL byte", "ya\u0000basta", "commentCharacters"],
    ["an ANSI escape", "\u001b[2J\u001b[Hhi", "commentCharacters"],
    ["a vertical tab", "one\u000btwo", "commentCharacters"],
    ["a right-to-left override", "fine \u202egnp.exe", "commentCharacters"],
    ["an isolate", "\u2066hi\u2069", "commentCharacters"],
    ["a lone surrogate", "hi \udfff", "commentCharacters"],
    ["over 500 characters", "x".repeat(501), "commentTooLong"],
    ["a huge body", "x\n".repeat(50_000), "commentTooLong"],
    ["not text", ["a"], "commentInvalid"],
  ])("refuses a comment with %s", (_why, input, key) => {
    expect(errors({ ...valid, comment: input }).comment).toEqual([key]);
  });

  it.each([
    ["a 64-character local part", `${"a".repeat(64)}@example.org`, true],
    ["a 65-character local part", `${"a".repeat(65)}@example.org`, "emailTooLong"],
    ["254 characters in all", `a@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(56)}.org`, true],
    ["255 characters in all", `a@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(63)}.${"e".repeat(57)}.org`, "emailTooLong"],
    ["a NUL byte", "ana\u0000@example.org", "emailInvalid"],
    ["a NUL byte at the end", "ana@example.org\u0000", "emailInvalid"],
    ["an escape", "ana@exa\u001bmple.org", "emailInvalid"],
    ["a newline inside (header injection)", "ana@example.org\nBcc: x@example.org", "emailInvalid"],
    ["a right-to-left override", "ana@\u202eelpmaxe.org", "emailInvalid"],
    ["surrounding spaces (trimmed)", "  ana@example.org \n", true],
  ])("an email with %s", (_why, email, expected) => {
    const parsed = signatureInputSchema.safeParse({ ...valid, email });
    if (expected === true) expect(parsed.success).toBe(true);
    else expect(errors({ ...valid, email }).email).toEqual([expected]);
  });

  it("stores what it stored again unchanged (normalising is idempotent)", () => {
    const first = signatureInputSchema.parse({ ...valid, fullName: " Jose\u0301\u200b  Pe\u0301rez\n", comment: "a\r\n\r\n\r\nb\u2028c " });
    const again = signatureInputSchema.parse({ ...valid, fullName: first.fullName, comment: first.comment });
    expect(again.fullName).toBe(first.fullName);
    expect(again.comment).toBe(first.comment);
  });
});
