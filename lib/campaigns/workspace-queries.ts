import "server-only";
// Reading campaigns for their group's workspace (the editor and the overview). Every
// query takes the group id and puts it in its where: a campaign of another group is
// simply not found. Public reads live in queries.ts.
import { and, asc, eq, gt, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, campaignTargets, companies, signatures, type Campaign } from "@/db/schema";
import { confirmedCount } from "@/lib/signatures/counts";

export type CampaignScopeIds = { campaignId: string; groupId: string };
export type EditorCampaign = Campaign & { companyIds: string[]; targets: { id: string; name: string }[] };

/** The whole campaign with its targets, for the editor and the overview; null outside the group. */
export async function getGroupCampaign({ campaignId, groupId }: CampaignScopeIds): Promise<EditorCampaign | null> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.id, campaignId), eq(campaigns.groupId, groupId)))
    .limit(1);
  if (!row) return null;
  const targets = await db
    .select({ id: companies.id, name: companies.name })
    .from(campaignTargets)
    .innerJoin(companies, eq(companies.id, campaignTargets.companyId))
    .where(eq(campaignTargets.campaignId, row.id))
    .orderBy(asc(companies.name));
  return { ...row, companyIds: targets.map((t) => t.id), targets };
}

/** Counts for the overview: confirmed (the public count) and still waiting for their email link. */
export async function campaignCounts(campaignId: string): Promise<{ confirmed: number; pending: number }> {
  const db = await getDb();
  const [pending] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(signatures)
    .where(and(eq(signatures.campaignId, campaignId), eq(signatures.status, "pending")));
  return { confirmed: await confirmedCount(campaignId), pending: Number(pending?.n ?? 0) };
}

/** Every company a campaign can target, by name (a few hundred at most). */
export async function listCompanies(): Promise<{ id: string; name: string }[]> {
  const db = await getDb();
  return db.select({ id: companies.id, name: companies.name }).from(companies).orderBy(asc(companies.name));
}

export type SimilarCampaign = { id: string; slug: string; title: string; companies: string[] };

/**
 * Live campaigns (any group's: they are public) against any of these companies, or a
 * company of this slug, so an organizer can join one instead of starting a duplicate.
 */
export async function findSimilarLiveCampaigns(companyIds: string[], companySlugs: string[], exceptId?: string): Promise<SimilarCampaign[]> {
  if (companyIds.length === 0 && companySlugs.length === 0) return [];
  const db = await getDb();
  const matches = [
    companyIds.length ? inArray(companies.id, companyIds) : undefined,
    companySlugs.length ? inArray(companies.slug, companySlugs) : undefined,
  ].filter(Boolean);
  const rows = await db
    .select({ id: campaigns.id, slug: campaigns.slug, title: campaigns.title, company: companies.name })
    .from(campaigns)
    .innerJoin(campaignTargets, eq(campaignTargets.campaignId, campaigns.id))
    .innerJoin(companies, eq(companies.id, campaignTargets.companyId))
    .where(
      and(
        eq(campaigns.status, "live"),
        or(isNull(campaigns.endsAt), gt(campaigns.endsAt, sql`now()`)),
        or(...matches),
        exceptId ? ne(campaigns.id, exceptId) : undefined,
      ),
    )
    .orderBy(asc(campaigns.title))
    .limit(50);
  const byId = new Map<string, SimilarCampaign>();
  for (const r of rows) {
    const entry = byId.get(r.id) ?? { id: r.id, slug: r.slug, title: r.title, companies: [] };
    entry.companies.push(r.company);
    byId.set(r.id, entry);
  }
  return [...byId.values()];
}

/** The group's campaigns, newest first, for the group's dashboard. */
export async function listGroupCampaigns(groupId: string) {
  const db = await getDb();
  return db
    .select({ id: campaigns.id, slug: campaigns.slug, title: campaigns.title, status: campaigns.status, endsAt: campaigns.endsAt })
    .from(campaigns)
    .where(eq(campaigns.groupId, groupId))
    .orderBy(sql`${campaigns.createdAt} desc`);
}
