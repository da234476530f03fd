// What admins type, parsed with zod: search queries, per-signature actions, moves on
// campaigns, bulk invalidations and the limits form. Messages are i18n keys
// (t.moderation.errors.<key>).
import { isIP } from "node:net";
import { z } from "zod";
import { takedownReasons } from "./transitions";

export const uuid = z.uuid("invalid");
export const searchKinds = ["email", "domain", "name", "postal", "ip"] as const;
export type SearchKind = (typeof searchKinds)[number];

/** A keyed IP hash as stored (base64url HMAC-SHA256), e.g. linked from the trending report. */
export const ipHashPattern = /^[A-Za-z0-9_-]{43}$/;
const domainPattern = /^@?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export const searchSchema = z
  .object({ by: z.enum(searchKinds).catch("email"), q: z.string().trim().max(254, "tooLong").default("") })
  .superRefine((v, ctx) => {
    if (!v.q) return;
    const bad = () => ctx.addIssue({ code: "custom", path: ["q"], message: `bad_${v.by}` });
    if (v.by === "email" && !/^[^\s@]+@[^\s@]+$/.test(v.q)) bad();
    if (v.by === "domain" && !domainPattern.test(v.q)) bad();
    if (v.by === "ip" && !isIP(v.q) && !ipHashPattern.test(v.q)) bad();
    if (v.by === "name" && v.q.length < 2) bad();
  });

export const signatureActions = ["invalidate", "validate", "unsubscribe", "delete"] as const;
export type SignatureAction = (typeof signatureActions)[number];
export const signatureActionSchema = z.object({ signatureId: uuid, action: z.enum(signatureActions) });

export const moveSchema = z.discriminatedUnion("move", [
  z.object({ campaignId: uuid, move: z.literal("approve") }),
  z.object({ campaignId: uuid, move: z.literal("reject"), reason: z.string().trim().min(1, "reasonRequired").max(2000, "tooLong") }),
  z.object({ campaignId: uuid, move: z.literal("takedown"), reason: z.enum(takedownReasons, "reasonRequired") }),
  z.object({ campaignId: uuid, move: z.literal("restore"), reason: z.string().trim().min(1, "reasonRequired").max(500, "tooLong") }),
]);

const optionalDate = z
  .string()
  .max(40)
  .default("")
  .transform((raw, ctx) => {
    const s = raw.trim();
    if (!s) return null;
    const d = new Date(s.length === 16 ? `${s}:00Z` : s); // datetime-local, read as UTC
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: "custom", message: "badDate" });
      return z.NEVER;
    }
    return d;
  });

export const invalidationSchema = z
  .object({
    reason: z.string().trim().min(1, "reasonRequired").max(500, "tooLong"),
    campaignId: z.union([z.literal(""), uuid]).transform((v) => v || null),
    ip: z.string().trim().max(100, "tooLong").default("").refine((v) => !v || isIP(v) || ipHashPattern.test(v), "bad_ip"),
    domain: z.string().trim().max(253, "tooLong").default("").refine((v) => !v || domainPattern.test(v), "bad_domain"),
    email: z.string().trim().max(254, "tooLong").default("").refine((v) => !v || /^[^\s@]+@[^\s@]+$/.test(v), "bad_email"),
    createdAfter: optionalDate,
    createdBefore: optionalDate,
  })
  .superRefine((v, ctx) => {
    // Without a condition every signature would match (e-petitions refuses the same).
    if (!v.ip && !v.domain && !v.email && !v.createdAfter && !v.createdBefore) {
      ctx.addIssue({ code: "custom", path: ["_form"], message: "noConditions" });
    }
    if (v.createdAfter && v.createdBefore && v.createdAfter >= v.createdBefore) {
      ctx.addIssue({ code: "custom", path: ["createdBefore"], message: "badWindow" });
    }
  });
export type InvalidationInput = z.infer<typeof invalidationSchema>;

const localeField = z.enum(["en", "es"]).catch("en");
export const invalidationIdSchema = z.object({ invalidationId: uuid, op: z.enum(["start", "cancel", "delete"]), locale: localeField });
export const createInvalidationSchema = z.intersection(invalidationSchema, z.object({ locale: localeField }));

const limitField = z.string().trim().max(20).regex(/^(\d{1,7}\/\d{1,5})?$/, "badLimit");
export const limitsSchema = z.object({
  perIp: limitField.default(""),
  perIpBurst: limitField.default(""),
  perIpSustained: limitField.default(""),
  perEmail: limitField.default(""),
  allowedIps: z.string().max(100_000, "tooLong").default(""),
  blockedIps: z.string().max(100_000, "tooLong").default(""),
  allowedDomains: z.string().max(100_000, "tooLong").default(""),
  blockedDomains: z.string().max(100_000, "tooLong").default(""),
  blockedEmails: z.string().max(100_000, "tooLong").default(""),
});

export const auditFilterSchema = z.object({
  action: z.string().trim().max(60).regex(/^[a-z_.]*$/).catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
