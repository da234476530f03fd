import { describe, expect, it } from "vitest";
import { companySlug, createCampaignSchema, updateCampaignSchema, winSchema } from "./schemas";

const GROUP = "2f1e0c9a-1b2c-4d3e-8f4a-5b6c7d8e9f00";
// What a browser posts: every field present, the optional ones empty.
const posted = {
  groupId: GROUP, intent: "save", locale: "en", title: "  Dell: stop   selling to ICE ", slug: "Dell-Drop-ICE", kind: "petition",
  newCompany: "Dell Technologies", ask: "Dell must end its contracts.", story: "## Why\r\n\r\nBecause.", goal: "", endsAt: "",
  titleEs: "", askEs: "", storyEs: "", shareText: "", shareTextEs: "", imageUrl: "", imageAlt: "",
};

const errorsOf = (input: Record<string, unknown>) => {
  const result = createCampaignSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("the campaign form's schema", () => {
  it("takes a form with its optional fields empty, normalised, empty meaning none", () => {
    const result = createCampaignSchema.parse(posted);
    expect(result).toMatchObject({
      intent: "save", title: "Dell: stop selling to ICE", slug: "dell-drop-ice", companyIds: [], newCompany: "Dell Technologies",
      story: "## Why\n\nBecause.", goal: null, endsAt: null, titleEs: null, imageUrl: null, imageAlt: null, similarSeen: false,
    });
    expect(result.raw.title).toBe(posted.title);
  });

  it("reads a goal, an end date (the end of that day, UTC) and a list of companies", () => {
    const ids = ["11111111-1111-4111-8111-111111111111", "22222222-2222-4222-8222-222222222222"];
    const result = createCampaignSchema.parse({ ...posted, newCompany: "", companyIds: ids, goal: "10,000", endsAt: "2027-03-31" });
    expect(result).toMatchObject({ companyIds: ids, goal: 10000, endsAt: new Date("2027-03-31T23:59:59.999Z") });
  });

  it("says what is wrong, field by field, as message keys", () => {
    expect(errorsOf({ ...posted, title: " ", ask: "" })).toMatchObject({ title: "required", ask: "required" });
    expect(errorsOf({ ...posted, slug: "no spaces" })).toMatchObject({ slug: "slugShape" });
    expect(errorsOf({ ...posted, slug: "ab" })).toMatchObject({ slug: "slugShort" });
    expect(errorsOf({ ...posted, goal: "0" })).toMatchObject({ goal: "goal" });
    expect(errorsOf({ ...posted, goal: "lots" })).toMatchObject({ goal: "goal" });
    expect(errorsOf({ ...posted, endsAt: "31/03/2027" })).toMatchObject({ endsAt: "date" });
    expect(errorsOf({ ...posted, newCompany: "" })).toMatchObject({ companyIds: "targetsRequired" });
    expect(errorsOf({ ...posted, companyIds: "1 or 1=1" })).toMatchObject({ companyIds: "invalid" });
    expect(errorsOf({ ...posted, title: "a\u202eb" })).toMatchObject({ title: "characters" });
    expect(errorsOf({ ...posted, story: "x".repeat(50_000) })).toMatchObject({ story: "tooLong" });
  });

  it("takes only https images, and asks what they show", () => {
    for (const url of ["http://example.org/a.png", "javascript:alert(1)", "https://user:pw@example.org/a.png", "https://localhost/a.png"]) {
      expect(errorsOf({ ...posted, imageUrl: url, imageAlt: "A tower" })).toMatchObject({ imageUrl: "imageUrl" });
    }
    expect(errorsOf({ ...posted, imageUrl: "https://example.org/a.png" })).toMatchObject({ imageAlt: "imageAlt" });
    expect(errorsOf({ ...posted, imageUrl: "https://example.org/a.png", imageAlt: "A tower" })).toEqual({});
  });

  it("previews a half-written form without judging it", () => {
    const result = updateCampaignSchema.parse({ campaignId: GROUP, intent: "preview", story: "**draft**", title: "" });
    expect(result).toMatchObject({ intent: "preview", story: "**draft**", raw: { title: "" } });
  });

  it("needs a victory note to declare victory", () => {
    expect(winSchema.safeParse({ campaignId: GROUP, victoryNote: "  " }).success).toBe(false);
    expect(winSchema.parse({ campaignId: GROUP, victoryNote: "They dropped it.", victoryNoteEs: "" })).toMatchObject({ victoryNoteEs: null });
  });

  it("makes a company's slug from its name", () => {
    expect(companySlug("Thomson Reuters")).toBe("thomson-reuters");
    expect(companySlug("Hewlett Packard Enterprise (HPE)")).toBe("hewlett-packard-enterprise-hpe");
    expect(companySlug("Compañía Ñandú")).toBe("compania-nandu");
    expect(companySlug("!!!")).toBe("");
  });
});
