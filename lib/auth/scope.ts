import "server-only";
// The queries behind the guard: a group or a campaign is found only *through* the
// caller's membership, so another group's ids find nothing (404, never 403).
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, groupMembers, groups, type GroupRole } from "@/db/schema";
import { isUuid } from "@/lib/uuid";

export type GroupScope = { id: string; slug: string; name: string; role: GroupRole };
export type CampaignScope = {
  id: string;
  slug: string;
  title: string;
  /** The Spanish title, if it has one (localizedTitle picks the page's). */
  titleEs: string | null;
  status: (typeof campaigns.$inferSelect)["status"];
  group: GroupScope;
};

export { isUuid };

export async function findGroupScope(userId: string, group: { id: string } | { slug: string }): Promise<GroupScope | null> {
  if ("id" in group && !isUuid(group.id)) return null;
  if ("slug" in group && (typeof group.slug !== "string" || group.slug.length > 100)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: groups.id, slug: groups.slug, name: groups.name, role: groupMembers.role })
    .from(groups)
    .innerJoin(groupMembers, and(eq(groupMembers.groupId, groups.id), eq(groupMembers.userId, userId)))
    .where("id" in group ? eq(groups.id, group.id) : eq(groups.slug, group.slug))
    .limit(1);
  return row ?? null;
}

export async function findCampaignScope(userId: string, campaignId: string): Promise<CampaignScope | null> {
  if (!isUuid(campaignId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: campaigns.id, slug: campaigns.slug, title: campaigns.title, titleEs: campaigns.titleEs, status: campaigns.status,
      groupId: groups.id, groupSlug: groups.slug, groupName: groups.name, role: groupMembers.role,
    })
    .from(campaigns)
    .innerJoin(groups, eq(groups.id, campaigns.groupId))
    .innerJoin(groupMembers, and(eq(groupMembers.groupId, campaigns.groupId), eq(groupMembers.userId, userId)))
    .where(eq(campaigns.id, campaignId))
    .limit(1);
  if (!row) return null;
  return {
    id: row.id, slug: row.slug, title: row.title, titleEs: row.titleEs, status: row.status,
    group: { id: row.groupId, slug: row.groupSlug, name: row.groupName, role: row.role },
  };
}
