import "server-only";
// Signing in by email. One request mails a link and a 6-digit code, both derived from
// the request's id with the app's key (nothing secret is stored; the outbox renders them
// at send time). The link opens a page whose one button signs in (a GET spends nothing:
// mail scanners open every link); the code is typed on the sign-in page, at most 5 wrong
// tries per address across its open requests. Anyone may sign in: an organizer starts by
// creating a group, and campaigns go live only after an admin approves them.
import crypto from "node:crypto";
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { signInRequests } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { requestEmailDelivery } from "@/lib/email/wake";
import { fail, ok, type Result } from "@/lib/errors";
import type { Locale } from "@/lib/i18n";
import { hitRateLimits } from "@/lib/rate-limit";
import { keyedHash, sha256 } from "@/lib/secrets";
import { canonicalEmail } from "@/lib/signatures/canonical-email";
import { startSession, userForVerifiedEmail } from "./session";
import { SIGN_IN_TTL_MINUTES, signInCode, signInLinkToken } from "./sign-in-tokens";

export const CODE_TRIES = 5;
// Per address (all its aliases) and per client address. Codes are checked per client
// address too, so no one can spray guesses across many addresses.
// A campus network shares one address: the per-IP limits leave room for a room full.
export const REQUESTS_PER_ADDRESS = { max: 5, seconds: 3600 };
export const REQUESTS_PER_IP = { max: 30, seconds: 600 };
export const CODE_CHECKS_PER_IP = { max: 60, seconds: 600 };

/** A path on this site to return to, or null (no other origins, no `//host`, no backslashes). */
export function safeNextPath(next: unknown): string | null {
  if (typeof next !== "string" || next.length > 500) return null;
  return /^\/(?![/\\])[^\\\s]*$/.test(next) ? next : null;
}

export async function requestSignIn(input: {
  email: string;
  next: string | null;
  locale: Locale;
  clientIp: string;
}): Promise<Result<{ email: string }>> {
  const email = input.email.trim().toLowerCase();
  const db = await getDb();
  const withinLimits = await hitRateLimits(db, [
    { key: `sign-in:ip:${keyedHash("ip", input.clientIp)}`, ...REQUESTS_PER_IP },
    { key: `sign-in:email:${keyedHash("email", canonicalEmail(email))}`, ...REQUESTS_PER_ADDRESS },
  ]);
  if (!withinLimits) return fail("rate_limited");
  const id = crypto.randomUUID();
  // The request and its email in one statement: neither exists without the other.
  await db.execute(
    sql`with r as (
          insert into sign_in_requests (id, email, link_hash, next, expires_at)
          values (${id}, ${email}, ${sha256(signInLinkToken(id))}, ${safeNextPath(input.next)},
                  now() + make_interval(mins => ${SIGN_IN_TTL_MINUTES}))
          returning id
        )
        insert into email_outbox (kind, to_address, locale, data)
        select 'sign_in', ${email}, ${input.locale}, jsonb_build_object('requestId', r.id::text) from r`,
  );
  requestEmailDelivery();
  return ok({ email });
}

const open = (email: string) =>
  and(
    eq(signInRequests.email, email),
    isNull(signInRequests.usedAt),
    gt(signInRequests.expiresAt, new Date()),
    lt(signInRequests.attempts, CODE_TRIES),
  );

export type SignedIn = { userId: string; next: string | null };
export type CodeProblem = "codeWrong" | "codeUsedUp";

async function finish(email: string, next: string | null, method: "code" | "link"): Promise<SignedIn> {
  const user = await userForVerifiedEmail(email);
  await startSession(user.id);
  await recordAudit({ actorUserId: user.id, action: "user.signed_in", detail: { method } });
  return { userId: user.id, next };
}

/** Checks a typed code against the address's open requests; a wrong one costs every open request a try. */
export async function signInWithCode(input: {
  email: string;
  code: string;
  clientIp: string;
}): Promise<Result<SignedIn>> {
  const email = input.email.trim().toLowerCase();
  const db = await getDb();
  const withinLimits = await hitRateLimits(db, [{ key: `sign-in-code:ip:${keyedHash("ip", input.clientIp)}`, ...CODE_CHECKS_PER_IP }]);
  if (!withinLimits) return fail("rate_limited");
  const spent = await db.transaction(async (tx): Promise<{ next: string | null } | { problem: CodeProblem }> => {
    const candidates = await tx
      .select({ id: signInRequests.id, next: signInRequests.next })
      .from(signInRequests)
      .where(open(email))
      .for("update");
    const given = Buffer.from(input.code);
    const match = given.length === 6 ? candidates.find((c) => crypto.timingSafeEqual(Buffer.from(signInCode(c.id)), given)) : undefined;
    if (match) {
      await tx.update(signInRequests).set({ usedAt: new Date() }).where(eq(signInRequests.id, match.id));
      return { next: match.next };
    }
    if (candidates.length === 0) return { problem: "codeWrong" };
    const left = await tx
      .update(signInRequests)
      .set({ attempts: sql`${signInRequests.attempts} + 1` })
      .where(open(email))
      .returning({ attempts: signInRequests.attempts });
    return { problem: left.every((r) => r.attempts >= CODE_TRIES) ? "codeUsedUp" : "codeWrong" };
  });
  if ("problem" in spent) return fail("invalid", { code: [spent.problem] });
  return ok(await finish(email, spent.next, "code"));
}

/** What the emailed link's page shows, without spending anything. */
export async function peekSignInLink(token: string): Promise<{ email: string } | null> {
  if (!/^[A-Za-z0-9_-]{40,50}$/.test(token)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ email: signInRequests.email })
    .from(signInRequests)
    .where(
      and(
        eq(signInRequests.linkHash, sha256(token)),
        isNull(signInRequests.usedAt),
        gt(signInRequests.expiresAt, new Date()),
        lt(signInRequests.attempts, CODE_TRIES),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The link page's button: spends the link (once) and signs in. */
export async function signInWithLink(token: string): Promise<Result<SignedIn>> {
  if (!/^[A-Za-z0-9_-]{40,50}$/.test(token)) return fail("not_found");
  const db = await getDb();
  const [row] = await queryRows<{ email: string; next: string | null }>(
    db,
    sql`update sign_in_requests set used_at = now()
        where link_hash = ${sha256(token)} and used_at is null and expires_at > now() and attempts < ${CODE_TRIES}::int
        returning email, next`,
  );
  if (!row) return fail("not_found");
  return ok(await finish(row.email, row.next, "link"));
}
