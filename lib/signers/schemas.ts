// What the signers table and the export accept from a URL: every field optional, and a
// value that does not parse is dropped (a hand-edited link shows the unfiltered table,
// never an error page). The same filter drives the table, its count and the CSV.
import { z } from "zod";

export const signerStatuses = ["pending", "validated", "invalidated", "fraudulent"] as const;
export type SignerStatus = (typeof signerStatuses)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const blankToUndefined = (value: unknown) => {
  const v = one(value);
  return typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v;
};

export const signerFilterSchema = z.object({
  q: z.preprocess(blankToUndefined, optional(z.string().max(100))),
  status: z.preprocess(blankToUndefined, optional(z.enum(signerStatuses))),
  optedIn: z.preprocess(blankToUndefined, optional(z.enum(["yes", "no"]))),
  source: z.preprocess(blankToUndefined, optional(z.enum(["direct", "shared"]))),
  from: z.preprocess(blankToUndefined, optional(day)),
  to: z.preprocess(blankToUndefined, optional(day)),
});
export type SignerFilter = z.infer<typeof signerFilterSchema>;

// A page position: the (created_at, id) of the row a page starts after or ends before.
const cursor = z.string().max(200).regex(/^[A-Za-z0-9_-]+$/);
export const signerPageSchema = signerFilterSchema.extend({
  after: z.preprocess(one, optional(cursor)),
  before: z.preprocess(one, optional(cursor)),
});
export type SignerPageInput = z.infer<typeof signerPageSchema>;

/** The filter as URL parameters (for links, the export and the audit log). */
export function filterParams(filter: SignerFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter)) if (value) out[key] = value;
  return out;
}

export const removeSignerSchema = z.object({
  campaignId: z.string().uuid(),
  signatureId: z.string().uuid(),
  // Where to come back to: the table with its filter (a path on this site only).
  back: z.string().max(2000).regex(/^\/(?!\/)/).optional().catch(undefined),
});

/**
 * The filter as the audit log keeps it: a search may be a name or an address, which the
 * log must never hold, so only that there was one is recorded.
 */
export function auditFilter(filter: SignerFilter): Record<string, string> {
  const { q, ...rest } = filterParams(filter);
  return q ? { ...rest, search: "yes" } : rest;
}
