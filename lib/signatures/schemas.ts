// What a signature may contain, for the form and the API alike. Error messages are
// keys of the `fields` catalogue, so each surface can say them in its language.
import { z } from "zod";

// Refused so that an exported CSV cannot run a formula, and so names carry no links.
const FORMULA_START = /^[=+\-@\t\r]/;
const URL_LIKE = /(https?:\/\/|www\.|\b[a-z0-9-]+\.(com|org|net|io|info|ru|xyz|co|ly|me)\b)/i;

const checkbox = z
  .union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true");

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => (v ? v : undefined));

/** An email address as people type it: trimmed, at most 254 characters. */
export const emailField = z.string({ error: "emailInvalid" }).trim().max(254, "emailInvalid").pipe(z.email("emailInvalid"));

export const signatureInputSchema = z.object({
  fullName: z
    .string({ error: "fullNameRequired" })
    .trim()
    .min(2, "fullNameRequired")
    .max(100, "fullNameTooLong")
    .refine((v) => !FORMULA_START.test(v) && !URL_LIKE.test(v), "fullNameUnsafe"),
  email: emailField,
  postalCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 -]{0,12}$/, "postalCodeInvalid")
    .optional()
    .transform((v) => (v ? v.toUpperCase() : undefined)),
  showName: checkbox,
  wantsUpdates: checkbox,
  // Comments are free text; the CSV export (a later issue) escapes them.
  comment: optionalText(500, "commentTooLong"),
  ref: z
    .string()
    .trim()
    .regex(/^[a-z0-9]{4,16}$/i)
    .optional()
    .catch(undefined),
  // The honeypot: people leave it empty; simple bots fill every field.
  website: z.string().optional(),
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
