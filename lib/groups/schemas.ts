// What the group forms accept. Messages are keys of t.workspace.fields.
import { z } from "zod";
import { emailField } from "@/lib/signatures/schemas";

const oneLine = (max: number, tooLong: string) =>
  z
    .string()
    .transform((v) => v.normalize("NFC").trim())
    .pipe(z.string().max(max, tooLong).refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "textInvalid"));

export const groupKinds = ["organization", "campus"] as const;
export const roles = ["owner", "organizer", "member"] as const;

export const createGroupSchema = z.object({
  name: oneLine(100, "nameTooLong").pipe(z.string().min(2, "nameRequired")),
  kind: z.enum(groupKinds, { error: "kindInvalid" }),
  postalAddress: z
    .string()
    .transform((v) => v.normalize("NFC").trim().replace(/\r\n?/g, "\n"))
    .pipe(z.string().min(5, "postalAddressRequired").max(300, "postalAddressTooLong")),
  contactEmail: emailField,
});

const uuid = z.uuid("invalid");

export const inviteSchema = z.object({
  groupId: uuid,
  email: emailField,
  role: z.enum(roles, { error: "roleInvalid" }),
});

export const memberSchema = z.object({ groupId: uuid, userId: uuid });
export const changeRoleSchema = memberSchema.extend({ role: z.enum(roles, { error: "roleInvalid" }) });
export const revokeInviteSchema = z.object({ groupId: uuid, inviteId: uuid });
export const acceptInviteSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{40,50}$/, "invalid") });

/** A URL slug from a group's name: lower-case ASCII words joined by hyphens. */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "group";
}
