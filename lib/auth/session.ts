import "server-only";
// Auth.js database sessions, made and ended through Auth.js's own Drizzle adapter, so a
// session written here is the one auth() (lib/auth/authjs.ts) and current-user.ts read.
// The sign-in itself (emailed link with a button, or a typed code) is lib/auth/sign-in.ts:
// Auth.js's email provider spends its token on a plain GET, which mail scanners trigger.
import crypto from "node:crypto";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { Adapter } from "next-auth/adapters";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { accounts, sessions, users, verificationTokens } from "@/db/schema";
import { appUrl } from "@/lib/env";
import { SESSION_COOKIES } from "./current-user";

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

// Auth.js names its cookie with the __Secure- prefix when the site is served over https.
export const sessionCookieName = appUrl.startsWith("https://") ? SESSION_COOKIES[1] : SESSION_COOKIES[0];

let adapter: Adapter | undefined;

export async function authAdapter(): Promise<Adapter> {
  adapter ??= DrizzleAdapter(await getDb(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return adapter;
}

/** The user with this (lower-cased) address, created on first sign-in; marks it verified. */
export async function userForVerifiedEmail(email: string): Promise<{ id: string; email: string }> {
  const a = await authAdapter();
  const now = new Date();
  const existing = await a.getUserByEmail!(email);
  if (existing) {
    if (!existing.emailVerified) await a.updateUser!({ id: existing.id, emailVerified: now });
    return { id: existing.id, email: existing.email };
  }
  try {
    const created = await a.createUser!({ id: crypto.randomUUID(), email, emailVerified: now, name: null });
    return { id: created.id, email: created.email };
  } catch (error) {
    // Two sign-ins of a new address at once: the other one created the user.
    const raced = await a.getUserByEmail!(email);
    if (raced) return { id: raced.id, email: raced.email };
    throw error;
  }
}

/** Starts a database session for the user and sets Auth.js's session cookie. */
export async function startSession(userId: string): Promise<void> {
  const sessionToken = crypto.randomBytes(32).toString("base64url");
  const expires = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000);
  await (await authAdapter()).createSession!({ sessionToken, userId, expires });
  (await cookies()).set(sessionCookieName, sessionToken, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: sessionCookieName.startsWith("__Secure-"),
    expires,
  });
}

/** Ends this browser's session (the row and the cookie). */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value;
    if (!token) continue;
    jar.delete(name);
    if (token.length <= 200) await (await authAdapter()).deleteSession!(token);
  }
}
