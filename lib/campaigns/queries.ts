import "server-only";
// Reading campaigns for public pages and the API: localized text, targets and the
// confirmed count (the sum of the counter shards, see lib/signatures/counts.ts).
import { and, asc, desc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, campaignTargets, companies, type Campaign } from "@/db/schema";
import type { Locale } from "@/lib/i18n";
import { cached, invalidate } from "@/lib/short-cache";
import { invalidateCachedPages } from "@/lib/page-cache";
import { forgetRecentPublicSigners } from "@/lib/signatures/queries";
import { goalFor } from "./goal";
import { effectiveStatus, PUBLIC_STATUSES } from "./states";
import { isSlugShaped } from "./slug";
import { confirmedCounts } from "@/lib/signatures/counts";

export type CampaignStatus = Campaign["status"];

export type CampaignSummary = {
  id: string;
  slug: string;
  kind: "petition" | "pledge";
  status: CampaignStatus;
  title: string;
  ask: string;
  targets: { slug: string; name: string }[];
  confirmedCount: number;
  goal: number;
  publishedAt: Date | null;
};

export type CampaignDetail = CampaignSummary & {
  story: string;
  locale: Locale;
  /** Set once the campaign is won: the organizers' note, in the page's language when there is one. */
  victoryNote: string | null;
  endsAt: Date | null;
  signingFrozen: boolean;
};


async function targetsByCampaign(campaignIds: string[]) {
  const db = await getDb();
  if (campaignIds.length === 0) return new Map<string, { slug: string; name: string }[]>();
  const rows = await db
    .select({ campaignId: campaignTargets.campaignId, slug: companies.slug, name: companies.name })
    .from(campaignTargets)
    .innerJoin(companies, eq(companies.id, campaignTargets.companyId))
    .where(inArray(campaignTargets.campaignId, campaignIds))
    .orderBy(asc(companies.name));
  const map = new Map<string, { slug: string; name: string }[]>();
  for (const r of rows) {
    const list = map.get(r.campaignId) ?? [];
    list.push({ slug: r.slug, name: r.name });
    map.set(r.campaignId, list);
  }
  return map;
}

// The home page lists summaries; only a campaign's own page needs its story.
const summaryColumns = {
  id: campaigns.id,
  slug: campaigns.slug,
  kind: campaigns.kind,
  status: campaigns.status,
  title: campaigns.title,
  ask: campaigns.ask,
  titleEs: campaigns.titleEs,
  askEs: campaigns.askEs,
  publishedAt: campaigns.publishedAt,
};
const columns = {
  ...summaryColumns, story: campaigns.story, storyEs: campaigns.storyEs, victoryNote: campaigns.victoryNote,
  victoryNoteEs: campaigns.victoryNoteEs, endsAt: campaigns.endsAt, signingFrozenAt: campaigns.signingFrozenAt,
};
// A live campaign whose end date has passed is closed, whether or not the deadline job has run.
const notPastItsEnd = or(isNull(campaigns.endsAt), gt(campaigns.endsAt, sql`now()`));

type LocalizedText = Pick<Campaign, "title" | "ask" | "titleEs" | "askEs">;

/** The campaign's title in the page's language: the Spanish one on a Spanish page, when it has one. */
export function localizedTitle(row: Pick<Campaign, "title" | "titleEs">, locale: Locale): string {
  return (locale === "es" && row.titleEs) || row.title;
}

function localize(row: LocalizedText, locale: Locale) {
  return { title: localizedTitle(row, locale), ask: (locale === "es" && row.askEs) || row.ask };
}

export function listLiveCampaigns(locale: Locale): Promise<CampaignSummary[]> {
  return cached(`campaigns:live:${locale}`, () => loadLiveCampaigns(locale));
}

async function loadLiveCampaigns(locale: Locale): Promise<CampaignSummary[]> {
  const db = await getDb();
  const rows = await db
    .select(summaryColumns)
    .from(campaigns)
    .where(and(eq(campaigns.status, "live"), notPastItsEnd))
    .orderBy(desc(campaigns.publishedAt), asc(campaigns.slug));
  const ids = rows.map((r) => r.id);
  const [targets, counts] = await Promise.all([targetsByCampaign(ids), confirmedCounts(ids)]);
  return rows.map((row) => {
    const count = counts.get(row.id) ?? 0;
    const { title, ask } = localize(row, locale);
    return {
      id: row.id,
      slug: row.slug,
      kind: row.kind,
      status: row.status,
      title,
      ask,
      targets: targets.get(row.id) ?? [],
      confirmedCount: count,
      goal: goalFor(count),
      publishedAt: row.publishedAt,
    };
  });
}

/** A campaign anyone may see (live, closed or won), or null; at most a few seconds old. */
export async function getPublicCampaignBySlug(slug: string, locale: Locale): Promise<CampaignDetail | null> {
  if (!isSlugShaped(slug)) return null;
  return cached(`campaign:${slug}:${locale}`, () => loadPublicCampaign(slug, locale));
}

async function loadPublicCampaign(slug: string, locale: Locale): Promise<CampaignDetail | null> {
  const db = await getDb();
  const [row] = await db
    .select(columns)
    .from(campaigns)
    .where(and(eq(campaigns.slug, slug), inArray(campaigns.status, [...PUBLIC_STATUSES])))
    .limit(1);
  if (!row) return null;
  const [targets, counts] = await Promise.all([targetsByCampaign([row.id]), confirmedCounts([row.id])]);
  const count = counts.get(row.id) ?? 0;
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    status: effectiveStatus(row.status, row.endsAt),
    ...localize(row, locale),
    story: (locale === "es" && row.storyEs) || row.story,
    targets: targets.get(row.id) ?? [],
    confirmedCount: count,
    goal: goalFor(count),
    publishedAt: row.publishedAt,
    locale,
    victoryNote: row.status === "won" ? (locale === "es" && row.victoryNoteEs) || row.victoryNote : null,
    endsAt: row.endsAt,
    signingFrozen: row.signingFrozenAt !== null,
  };
}

/**
 * After a change to a campaign's count or signers made in this process (a confirmation):
 * its cached reads, the live list that shows its count, and the rendered pages of both,
 * so the person who made it sees it at once. Other instances catch up within the TTL.
 */
export function forgetCampaign(campaign: { id: string; slug: string }): void {
  invalidate(`campaign:${campaign.slug}:`);
  invalidate(`campaign-signing:${campaign.slug}`);
  invalidate("campaigns:live:");
  forgetRecentPublicSigners(campaign.id);
  invalidateCachedPages(campaign.slug);
}

/** After a change that may touch any campaign (a signer deleting their data, a status change). */
export function forgetEveryCampaign(): void {
  invalidate("");
  invalidateCachedPages();
}

/** Whether the campaign at this address was taken down by the moderators (its address answers 410 Gone). */
export async function isCampaignTakenDown(slug: string): Promise<boolean> {
  return (await getCampaignForSigning(slug))?.status === "taken_down";
}

/** The id and status of a campaign by slug, for the signing path (a few seconds old at most). */
export async function getCampaignForSigning(slug: string) {
  if (!isSlugShaped(slug)) return null;
  return cached(`campaign-signing:${slug}`, () => loadCampaignForSigning(slug));
}

async function loadCampaignForSigning(slug: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: campaigns.id, status: campaigns.status, title: campaigns.title, titleEs: campaigns.titleEs,
      endsAt: campaigns.endsAt, signingFrozenAt: campaigns.signingFrozenAt,
    })
    .from(campaigns)
    .where(eq(campaigns.slug, slug))
    .limit(1);
  return row ?? null;
}
