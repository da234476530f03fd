// First-start seed: the companies and campaigns drawn from shared/seeds, the group that
// runs them and, in embedded mode, demo accounts. Idempotent: every insert skips rows
// that exist, so two instances starting together are safe.
import { eq, inArray } from "drizzle-orm";
import { dbMode } from "@/lib/env";
import type { Db } from "../types";
import { campaigns, campaignTargets, companies, groupMembers, groups, users } from "../schema";
import { demoAccounts, seedCampaigns, seedCompanies, seedGroup } from "./data";
import { loadFactsDataset } from "../facts/load";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function seedIfEmpty(db: Db): Promise<void> {
  // The contract-facts dataset has its own version: loaded on a new database and on upgrade.
  await loadFactsDataset(db);
  const [existing] = await db.select({ id: campaigns.id }).from(campaigns).limit(1);
  if (existing) return;
  await seed(db);
}

export async function seed(db: Db, options = { demoAccounts: dbMode === "embedded" }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.insert(companies).values(seedCompanies).onConflictDoNothing();
    await tx.insert(groups).values(seedGroup).onConflictDoNothing();
    const [group] = await tx.select({ id: groups.id }).from(groups).where(eq(groups.slug, seedGroup.slug));
    if (options.demoAccounts) {
      await tx
        .insert(users)
        .values(demoAccounts.map((a) => ({ email: a.email, name: a.name, emailVerified: new Date() })))
        .onConflictDoNothing();
      const demoUsers = await tx
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(inArray(users.email, demoAccounts.map((a) => a.email)));
      await tx
        .insert(groupMembers)
        .values(demoUsers.map((u) => ({ groupId: group.id, userId: u.id, role: demoAccounts.find((a) => a.email === u.email)!.role })))
        .onConflictDoNothing();
    }
    const now = Date.now();
    await tx
      .insert(campaigns)
      .values(
        seedCampaigns.map((c) => ({
          slug: c.slug,
          groupId: group.id,
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
