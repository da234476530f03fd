// What a signature may contain, for the form and the API alike. Error messages are
// keys of the `fields` catalogue, so each surface can say them in its language.
import { z } from "zod";
import { hasForbiddenCharacters, hasLetter, hasVisibleText, normaliseComment, normaliseName } from "./text";

// Refused so that an exported CSV cannot run a formula, and so names carry no links.
// Tested on the NFKC form too, so full-width look-alikes (＝, ｈｔｔｐ) are caught.
const FORMULA_START = /^[=+\-@\t\r]/;
const URL_LIKE = /(https?:\/\/|www\.|\b[a-z0-9-]+\.(com|org|net|io|info|ru|xyz|co|ly|me)\b)/i;
const isSafeName = (v: string) => [v, v.normalize("NFKC")].every((form) => !FORMULA_START.test(form) && !URL_LIKE.test(form));

const NAME_MAX = 100;
const COMMENT_MAX = 500;
// Raw input this long cannot become valid: refuse it before normalising (cheap), with
// room for whitespace and invisible characters that normalising drops.
const RAW_FACTOR = 4;

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")], { error: "checkboxInvalid" })
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

/** An email address as people type it: trimmed, at most 64 characters before the @ and 254 in all, ASCII only. */
export const emailField = z
  .string({ error: "emailInvalid" })
  .trim()
  .max(254, "emailTooLong")
  .refine((v) => v.lastIndexOf("@") <= 64, "emailTooLong")
  .pipe(z.email("emailInvalid"));

/** A full name: one line, NFC, with at least one visible letter. */
export const fullNameField = z
  .string({ error: "fullNameRequired" })
  .max(NAME_MAX * RAW_FACTOR, "fullNameTooLong")
  .refine((v) => !hasForbiddenCharacters(v), { message: "fullNameCharacters", abort: true })
  .transform(normaliseName)
  .pipe(
    z
      .string()
      .min(2, { message: "fullNameRequired", abort: true })
      .max(NAME_MAX, { message: "fullNameTooLong", abort: true })
      .refine(isSafeName, { message: "fullNameUnsafe", abort: true })
      .refine(hasLetter, "fullNameRequired"),
  );

/** An optional comment: several lines allowed, normalised; nothing visible counts as none. */
export const commentField = z
  .string({ error: "commentInvalid" })
  .max(COMMENT_MAX * RAW_FACTOR, "commentTooLong")
  .refine((v) => !hasForbiddenCharacters(v), { message: "commentCharacters", abort: true })
  .transform(normaliseComment)
  .pipe(z.string().max(COMMENT_MAX, "commentTooLong"))
  .optional()
  .transform((v) => (v && hasVisibleText(v) ? v : undefined));

export const signatureInputSchema = z.object({
  fullName: fullNameField,
  email: emailField,
  postalCode: z
    .string({ error: "postalCodeInvalid" })
    .trim()
    .regex(/^[A-Za-z0-9 -]{0,12}$/, "postalCodeInvalid")
    .optional()
    .transform((v) => (v ? v.toUpperCase() : undefined)),
  showName: checkbox,
  wantsUpdates: checkbox,
  // Comments are free text; the CSV export (a later issue) escapes them.
  comment: commentField,
  ref: z
    .string()
    .trim()
    .regex(/^[a-z0-9]{4,16}$/i)
    .optional()
    .catch(undefined),
  // The honeypot: people leave it empty; simple bots fill every field. Never stored.
  website: z.string().optional().catch("filled"),
});

export type SignatureInput = z.infer<typeof signatureInputSchema>;

/** Field errors as catalogue keys, keyed by field name. */
export function fieldErrorKeys(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    (out[field] ??= []).push(issue.message);
  }
  return out;
}
