import "server-only";
// The admin's view of the whole audit log: newest first, paged, filtered by action.
// Entries hold ids and counts; the actor is shown by the address they sign in with.
import { count, desc, eq, like, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLog, campaigns, groups, users } from "@/db/schema";

export const AUDIT_PAGE_SIZE = 50;

export async function listAuditEntries(filter: { action: string; page: number }) {
  const db = await getDb();
  // "campaign" matches every campaign.* action; "campaign.approved" only itself.
  const where = filter.action
    ? or(eq(auditLog.action, filter.action), like(auditLog.action, `${filter.action.replace(/[\\%_]/g, "\\$&")}.%`))
    : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id, at: auditLog.at, action: auditLog.action, detail: auditLog.detail,
        actorEmail: users.email, groupName: groups.name, campaignId: auditLog.campaignId, campaignTitle: campaigns.title,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .leftJoin(groups, eq(groups.id, auditLog.groupId))
      .leftJoin(campaigns, eq(campaigns.id, auditLog.campaignId))
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((filter.page - 1) * AUDIT_PAGE_SIZE),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { rows, total: Number(total?.n ?? 0) };
}

/** The distinct actions present, for the filter's choices. */
export async function auditActions(): Promise<string[]> {
  const db = await getDb();
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
