// Database-test fixtures for the workspace: a user with a session in a fresh group.
// (End-to-end tests sign in through the real flow instead: e2e/sign-in.ts.)
import crypto from "node:crypto";
import { getDb } from "@/db/client";
import { campaigns, groupMembers, groups, sessions, users, type GroupRole } from "@/db/schema";

export async function createMember(options: { role?: GroupRole; groupId?: string; email?: string } = {}) {
  const db = await getDb();
  const suffix = crypto.randomBytes(5).toString("hex");
  const [user] = await db
    .insert(users)
    .values({ email: options.email ?? `person-${suffix}@example.org`, name: `Person ${suffix}`, emailVerified: new Date() })
    .returning();
  let groupId = options.groupId;
  if (!groupId) {
    const [group] = await db.insert(groups).values({ slug: `group-${suffix}`, name: `Group ${suffix}` }).returning();
    groupId = group.id;
  }
  await db.insert(groupMembers).values({ groupId, userId: user.id, role: options.role ?? "owner" });
  const sessionToken = crypto.randomBytes(32).toString("base64url");
  await db.insert(sessions).values({ sessionToken, userId: user.id, expires: new Date(Date.now() + 86_400_000) });
  return { user, groupId, sessionToken };
}

export async function createCampaign(groupId: string, values: Partial<typeof campaigns.$inferInsert> = {}) {
  const db = await getDb();
  const suffix = crypto.randomBytes(5).toString("hex");
  const [campaign] = await db
    .insert(campaigns)
    .values({ slug: `campaign-${suffix}`, groupId, title: `Campaign ${suffix}`, ask: "Cut ties.", story: "Why.", ...values })
    .returning();
  return campaign;
}
