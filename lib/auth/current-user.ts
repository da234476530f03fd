import "server-only";
// Who is signed in: the database session named by Auth.js's session cookie. Every
// workspace check starts here (through guard.ts); nothing else reads the cookie.
import { and, eq, gt } from "drizzle-orm";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { dbMode, env } from "@/lib/env";

// Auth.js's names for its database-session cookie (the second one over https).
export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;

export type SignedInUser = { id: string; email: string; name: string | null; isAdmin: boolean };

export function isAdminEmail(email: string): boolean {
  const admins = env.ADMIN_EMAILS.length ? env.ADMIN_EMAILS : dbMode === "embedded" ? ["admin@example.org"] : [];
  return admins.includes(email.toLowerCase());
}

/** The user of a session token, or null when it is unknown or expired. */
export async function userForSessionToken(token: string): Promise<SignedInUser | null> {
  if (!token || token.length > 200) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, new Date())))
    .limit(1);
  return row ? { ...row, isAdmin: isAdminEmail(row.email) } : null;
}

/** The signed-in user of this request, or null. */
export async function getSignedInUser(): Promise<SignedInUser | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (token) return userForSessionToken(token);
  }
  return null;
}
