// What an update may contain: for the compose form (server actions) and the tests.
// Error messages are keys of t.updates.errors.
import { z } from "zod";

const SUBJECT_MAX = 150;
const BODY_MAX = 20_000;
const uuid = z.uuid({ error: "invalid" });

const subject = z.string({ error: "subjectRequired" }).trim().min(1, "subjectRequired").max(SUBJECT_MAX, "subjectTooLong")
  .refine((v) => !/[\r\n]/.test(v), "subjectRequired");
const body = z.string({ error: "bodyRequired" }).trim().min(1, "bodyRequired").max(BODY_MAX, "bodyTooLong");
// A referral code (lib/signatures/tokens.ts newReferralCode), or empty for everyone.
const referredBy = z.string().trim().max(40, "referralInvalid").regex(/^[a-z0-9]*$/, "referralInvalid").optional()
  .transform((v) => v || null);

export const updateContentSchema = z.object({
  campaignId: uuid,
  updateId: z.union([uuid, z.literal("")]).optional().transform((v) => v || null),
  subject,
  subjectEs: subject,
  body,
  bodyEs: body,
  referredBy,
  // What to do after saving: keep a draft, send a test to oneself, send now, or schedule.
  intent: z.enum(["save", "test", "send", "schedule"]).default("save"),
  // From <input type="datetime-local"> in the organizer's browser, with its offset in minutes.
  scheduledAt: z.string().max(40).optional(),
  tzOffset: z.coerce.number().int().min(-900).max(900).optional(),
});
export type UpdateContentInput = z.infer<typeof updateContentSchema>;

export const updateControlSchema = z.object({
  campaignId: uuid,
  updateId: uuid,
  control: z.enum(["pause", "resume", "cancel", "override"]),
});

/** A datetime-local value ("2026-12-01T09:30") at the browser's UTC offset, as a Date; null when unreadable. */
export function parseLocalDateTime(value: string | undefined, offsetMinutes = 0): Date | null {
  const match = value?.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const utc = Date.UTC(y, mo - 1, d, h, mi) + offsetMinutes * 60_000;
  return Number.isNaN(utc) ? null : new Date(utc);
}
