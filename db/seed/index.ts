// First-start seed: the companies and campaigns drawn from shared/seeds. Idempotent:
// every insert skips rows that exist, so two instances starting together are safe.
import { inArray } from "drizzle-orm";
import type { Db } from "../types";
import { campaigns, campaignTargets, companies } from "../schema";
import { seedCampaigns, seedCompanies } from "./data";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function seedIfEmpty(db: Db): Promise<void> {
  const [existing] = await db.select({ id: campaigns.id }).from(campaigns).limit(1);
  if (existing) return;
  await seed(db);
}

export async function seed(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(companies).values(seedCompanies).onConflictDoNothing();
    const now = Date.now();
    await tx
      .insert(campaigns)
      .values(
        seedCampaigns.map((c) => ({
          slug: c.slug,
          kind: c.kind,
          status: c.status,
          title: c.title,
          ask: c.ask,
          story: c.story,
          titleEs: c.titleEs,
          askEs: c.askEs,
          storyEs: c.storyEs,
          publishedAt: new Date(now - c.publishedDaysAgo * DAY_MS),
        })),
      )
      .onConflictDoNothing();
    const companyRows = await tx.select({ id: companies.id, slug: companies.slug }).from(companies);
    const campaignRows = await tx
      .select({ id: campaigns.id, slug: campaigns.slug })
      .from(campaigns)
      .where(inArray(campaigns.slug, seedCampaigns.map((c) => c.slug)));
    const companyId = new Map(companyRows.map((r) => [r.slug, r.id]));
    const campaignId = new Map(campaignRows.map((r) => [r.slug, r.id]));
    const targets = seedCampaigns.flatMap((c) =>
      c.targets.map((t) => {
        const company = companyId.get(t);
        if (!company) throw new Error(`seed: campaign ${c.slug} targets unknown company ${t}`);
        return { campaignId: campaignId.get(c.slug)!, companyId: company };
      }),
    );
    if (targets.length) await tx.insert(campaignTargets).values(targets).onConflictDoNothing();
  });
}
