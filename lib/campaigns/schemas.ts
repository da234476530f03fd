// What the campaign editor accepts, for creating and editing alike. FormData values are
// strings, so numbers and dates are parsed here; error messages are keys of the
// editor's `fields` catalogue (t.editor.fields), said in the person's language.
import { z } from "zod";
import { isUuid } from "@/lib/uuid";
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

// Zod 4 treats a key as optional only through .optional(): a form may leave a field out.
const optional = <T extends z.ZodType<string, string>>(field: T) => field.optional().transform((v) => (v ? v : null));

const uuid = z.string().refine(isUuid, "invalid");
// A repeated form field arrives as a list, a single one as a string, none at all as undefined.
const list = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean));

export const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "slugShort")
  .max(SLUG_MAX, "tooLong")
  .refine(isSlugShaped, "slugShape");

const goalField = z
  .string()
  .optional()
  .transform((v) => v?.replace(/[\s,._]/g, "") ?? "")
  .refine((v) => v === "" || (/^\d{1,9}$/.test(v) && Number(v) >= 1 && Number(v) <= LIMITS.goal), "goal")
  .transform((v) => (v === "" ? null : Number(v)));

// A date input's value: the campaign ends at the end of that day, UTC.
const endOfDay = (v: string) => new Date(`${v}T23:59:59.999Z`);
const endsAtField = z
  .string()
  .optional()
  .transform((v) => v?.trim() ?? "")
  .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(endOfDay(v).getTime()) && endOfDay(v).getUTCFullYear() < 2100), "date")
  .transform((v) => (v === "" ? null : endOfDay(v)));

const imageUrlField = z
  .string()
  .trim()
  .max(LIMITS.imageUrl, "tooLong")
  .refine((v) => {
    if (v === "") return true; // left empty: no image
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

// Every form also carries its page's language (for the address to go on to), and the
// values as typed (`raw`), so an answer that is not an error (a preview, the similar
// campaigns) can give the form back as it was.
const formValue = z.union([z.string(), z.array(z.string())]);
const formMeta = { locale: z.enum(["en", "es"]).catch("en"), raw: z.record(z.string(), formValue) };
const keepRaw = (value: unknown) =>
  value && typeof value === "object" && !Array.isArray(value) ? { ...value, raw: { ...value } } : value;

export const createCampaignSchema = z.preprocess(keepRaw, z.discriminatedUnion("intent", [
  z.object({ groupId: uuid, ...formMeta, ...previewFields }),
  z
    .object({
      groupId: uuid,
      ...formMeta,
      intent: z.literal("save"),
      // Set once the person has seen the live campaigns against the same companies.
      similarSeen: z.literal("1").optional().transform((v) => v === "1"),
      ...campaignFields,
    })
    .superRefine(targetsAndImage),
]));

const updateBranches = z.discriminatedUnion("intent", [
  z.object({ campaignId: uuid, ...formMeta, ...previewFields }),
  z.object({ campaignId: uuid, ...formMeta, intent: z.literal("save"), ...campaignFields }).superRefine(targetsAndImage),
]);
export const updateCampaignSchema = z.preprocess(keepRaw, updateBranches);

/** A campaign's fields as the editor parsed them. */
export type CampaignInput = Omit<z.output<(typeof updateBranches)["options"][1]>, "campaignId" | "intent" | "locale" | "raw">;

export const campaignIdSchema = z.object({ campaignId: uuid, locale: formMeta.locale });

export const winSchema = z.object({
  campaignId: uuid,
  locale: formMeta.locale,
  victoryNote: text(LIMITS.victoryNote, true),
  victoryNoteEs: optional(text(LIMITS.victoryNote, false)),
});

/** The safety controls: each turns one way or the other. */
export const safetySchema = z.object({
  campaignId: uuid,
  locale: formMeta.locale,
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
