// Groups (an organization or a campus group) own campaigns; people belong to a group
// with one role. What each role may do lives in lib/auth/permissions.ts, not here.
import { index, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const groupKind = pgEnum("group_kind", ["organization", "campus"]);
export const groupRole = pgEnum("group_role", ["owner", "organizer", "member"]);

export const groups = pgTable("groups", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  kind: groupKind("kind").notNull().default("organization"),
  // Printed in the footer of every update the group sends (CAN-SPAM asks for a postal address).
  postalAddress: text("postal_address"),
  // Shown on campaign pages as who runs the campaign, and where to write.
  contactEmail: text("contact_email"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const groupMembers = pgTable(
  "group_members",
  {
    groupId: uuid("group_id").notNull().references(() => groups.id, { onDelete: "cascade" }),
    userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
    role: groupRole("role").notNull().default("organizer"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index("group_members_user_idx").on(t.userId)],
);

// An invitation by email: accepted by signing in with that address and pressing a button.
export const groupInvites = pgTable(
  "group_invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    groupId: uuid("group_id").notNull().references(() => groups.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: groupRole("role").notNull().default("organizer"),
    // sha256 of the emailed token; the token itself is never stored.
    tokenHash: text("token_hash").notNull().unique(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
  },
  (t) => [unique("group_invites_group_email_uq").on(t.groupId, t.email)],
);

export type Group = typeof groups.$inferSelect;
export type GroupRole = (typeof groupRole.enumValues)[number];
