// A stored campaign as the editor's form values (strings, as a form posts them).
import type { Campaign } from "@/db/schema";

export function campaignFormValues(row: Campaign & { companyIds: string[] }): Record<string, string | string[]> {
  return {
    title: row.title, slug: row.slug, kind: row.kind, companyIds: row.companyIds, ask: row.ask, story: row.story,
    goal: row.goal === null ? "" : String(row.goal),
    // The date input shows the day; the campaign ends at the end of it (UTC).
    endsAt: row.endsAt ? row.endsAt.toISOString().slice(0, 10) : "",
    titleEs: row.titleEs ?? "", askEs: row.askEs ?? "", storyEs: row.storyEs ?? "",
    shareText: row.shareText ?? "", shareTextEs: row.shareTextEs ?? "",
    imageUrl: row.imageUrl ?? "", imageAlt: row.imageAlt ?? "",
  };
}
