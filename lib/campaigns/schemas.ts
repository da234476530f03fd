// What the campaign editor accepts, for creating and editing alike. FormData values are
// strings, so numbers and dates are parsed here; error messages are keys of the
// editor's `fields` catalogue (t.editor.fields), said in the person's language.
import { z } from "zod";
import { hasForbiddenCharacters, hasVisibleText, normaliseComment, normaliseName } from "@/lib/signatures/text";
import { isSlugShaped, SLUG_MAX } from "./slug";

export const LIMITS = {
  title: 120, ask: 300, story: 20_000, shareText: 280, imageUrl: 2000, imageAlt: 300, company: 100,
  goal: 10_000_000, targets: 10, victoryNote: 2000, reason: 500,
} as const;

// Raw input this long cannot become valid: refused before normalising (cheap).
const raw = (max: number) => z.string().max(max * 2, "tooLong");

/** One line of text (a title, a name): NFC, invisible characters dropped, spaces folded. */
const line = (max: number, required: boolean) =>
  raw(max)
    .refine((v) => !hasForbiddenCharacters(v), { message: "characters", abort: true })
    .transform(normaliseName)
    .pipe(z.string().max(max, "tooLong"))
    .refine((v) => !required || hasVisibleText(v), "required");

/** Text with paragraphs (the ask, the story, a note). */
const text = (max: number, required: boolean) =>
  raw(max)
    .refine((v) => !hasForbiddenCharacters(v.replace(/[\t\r\n]/g, " ")), { message: "characters", abort: true })
    .transform(normaliseComment)
    .pipe(z.string().max(max, "tooLong"))
    .refine((v) => !required || hasVisibleText(v), "required");

const optional = <T extends z.ZodType<string>>(field: T) =>
  z.union([z.undefined(), field]).transform((v) => (v ? v : null));

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = z.string().regex(UUID, "invalid");
// A repeated form field arrives as a list, a single one as a string, none at all as undefined.
const list = z
  .union([z.undefined(), z.string(), z.array(z.string())])
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean));

export const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "slugShort")
  .max(SLUG_MAX, "tooLong")
  .refine(isSlugShaped, "slugShape");

const goalField = z
  .union([z.undefined(), z.string()])
  .transform((v) => v?.replace(/[\s,._]/g, "") ?? "")
  .pipe(
    z.union([
      z.literal("").transform(() => null),
      z.string().regex(/^\d{1,9}$/, "goal").transform(Number).pipe(z.number().int().min(1, "goal").max(LIMITS.goal, "goal")),
    ]),
  );

// A date input's value: the campaign ends at the end of that day, UTC.
const endsAtField = z
  .union([z.undefined(), z.string()])
  .transform((v) => v?.trim() ?? "")
  .pipe(
    z.union([
      z.literal("").transform(() => null),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, "date")
        .transform((v) => new Date(`${v}T23:59:59.999Z`))
        .refine((d) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() < 2100, "date"),
    ]),
  );

const imageUrlField = z
  .string()
  .trim()
  .max(LIMITS.imageUrl, "tooLong")
  .refine((v) => {
    try {
      const url = new URL(v);
      return url.protocol === "https:" && url.hostname.includes(".") && !url.username && !url.password;
    } catch {
      return false;
    }
  }, "imageUrl");

/** The fields of the campaign form, parsed; shared by create and edit. */
const campaignFields = {
  title: line(LIMITS.title, true),
  slug: slugField,
  kind: z.enum(["petition", "pledge"], { error: "invalid" }),
  companyIds: list.pipe(z.array(uuid).max(LIMITS.targets, "targets")),
  newCompany: optional(line(LIMITS.company, false)),
  ask: text(LIMITS.ask, true),
  story: text(LIMITS.story, true),
  goal: goalField,
  endsAt: endsAtField,
  titleEs: optional(line(LIMITS.title, false)),
  askEs: optional(text(LIMITS.ask, false)),
  storyEs: optional(text(LIMITS.story, false)),
  shareText: optional(line(LIMITS.shareText, false)),
  shareTextEs: optional(line(LIMITS.shareText, false)),
  imageUrl: optional(imageUrlField),
  imageAlt: optional(line(LIMITS.imageAlt, false)),
};

type Fields = { companyIds: string[]; newCompany: string | null; imageUrl: string | null; imageAlt: string | null };
const targetsAndImage = <T extends Fields>(value: T, ctx: z.RefinementCtx) => {
  if (value.companyIds.length === 0 && !value.newCompany) ctx.addIssue({ code: "custom", path: ["companyIds"], message: "targetsRequired" });
  if (value.imageUrl && !value.imageAlt) ctx.addIssue({ code: "custom", path: ["imageAlt"], message: "imageAlt" });
};

// "preview" renders the story without saving (the no-JavaScript preview); "save" saves.
// A preview validates nothing but the ids, so a half-written form can be previewed.
const previewFields = { intent: z.literal("preview"), story: z.string().max(LIMITS.story * 2).optional().default("") };

export const createCampaignSchema = z.discriminatedUnion("intent", [
  z.object({ groupId: uuid, ...previewFields }),
  z
    .object({
      groupId: uuid,
      intent: z.literal("save"),
      // Set once the person has seen the live campaigns against the same companies.
      similarSeen: z.union([z.undefined(), z.literal("1")]).transform((v) => v === "1"),
      ...campaignFields,
    })
    .superRefine(targetsAndImage),
]);

export const updateCampaignSchema = z.discriminatedUnion("intent", [
  z.object({ campaignId: uuid, ...previewFields }),
  z.object({ campaignId: uuid, intent: z.literal("save"), ...campaignFields }).superRefine(targetsAndImage),
]);

export type CampaignInput = z.output<(typeof updateCampaignSchema)["options"][1]>;

export const campaignIdSchema = z.object({ campaignId: uuid });

export const winSchema = z.object({
  campaignId: uuid,
  victoryNote: text(LIMITS.victoryNote, true),
  victoryNoteEs: optional(text(LIMITS.victoryNote, false)),
});

/** The safety controls: each turns one way or the other. */
export const safetySchema = z.object({
  campaignId: uuid,
  control: z.enum(["freeze", "unfreeze", "hideNames", "showNames", "purge"]),
});

/** The live preview's request: just the story. */
export const previewSchema = z.object({ story: z.string().max(LIMITS.story * 2, "tooLong") });

/** A company's slug from its name: "Thomson Reuters" → "thomson-reuters". */
export function companySlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}
