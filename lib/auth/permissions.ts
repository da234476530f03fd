// What each role in a group may do: the one table every workspace page, server action
// and route handler is checked against (through lib/auth/guard.ts). Site admins are
// named by ADMIN_EMAILS and act through the admin pages, not through a group role.
import type { GroupRole } from "@/db/schema";

export const permissions = [
  "group.read", // see the group's campaigns and their counts
  "campaigns.read", // a campaign's overview, stats and delivery packet (first names only)
  "campaigns.write", // create and edit drafts, submit for review
  "campaigns.manage", // close, declare victory, freeze signing, hide names, purge data
  "signers.read", // the signers table: names and email addresses
  "signers.export", // download confirmed signers as CSV
  "signers.remove", // delete a signer's personal data at their request
  "updates.write", // draft an email update and send a test to oneself
  "updates.send", // send or schedule an update to the signers
  "members.manage", // invite and remove members, change roles
  "audit.read", // the group's audit log
] as const;

export type Permission = (typeof permissions)[number];

const organizer: readonly Permission[] = [
  "group.read", "campaigns.read", "campaigns.write", "campaigns.manage",
  "signers.read", "signers.export", "signers.remove", "updates.write", "updates.send",
];

export const rolePermissions: Record<GroupRole, readonly Permission[]> = {
  owner: permissions,
  organizer,
  // A plain member helps (sees campaigns and counts) but reads no signer's data.
  member: ["group.read", "campaigns.read"],
};

export function roleCan(role: GroupRole, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
