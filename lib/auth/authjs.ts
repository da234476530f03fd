import "server-only";
// Auth.js itself, configured on the same Drizzle adapter and database sessions that
// sign-in.ts writes: `auth()` reads the session cookie the sign-in sets. The workspace
// reads the session through current-user.ts (one query, no cookie writes during a render);
// this is for code that wants Auth.js's session object.
import NextAuth from "next-auth";
import { appUrl } from "@/lib/env";
import { keyedHash } from "@/lib/secrets";
import { authAdapter, SESSION_MAX_AGE_SECONDS } from "./session";

export const { auth } = NextAuth(async () => ({
  adapter: await authAdapter(),
  session: { strategy: "database", maxAge: SESSION_MAX_AGE_SECONDS },
  // Sign-in is sign-in.ts (emailed code or link with a button), not an Auth.js provider.
  providers: [],
  secret: keyedHash("authjs", "secret"),
  trustHost: true,
  useSecureCookies: appUrl.startsWith("https://"),
  pages: { signIn: "/sign-in" },
}));
