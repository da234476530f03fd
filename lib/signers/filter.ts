import "server-only";
// The one translation of a signers filter into SQL, shared by the table, its counts and
// the export, so what is downloaded is what was on screen. The campaign is matched
// through its group: a scope from another group finds no rows.
import { and, eq, gte, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { campaigns, signatures } from "@/db/schema";
import { canonicalEmail } from "@/lib/signatures/canonical-email";
import type { SignerFilter } from "./schemas";

export type SignersScope = { campaignId: string; groupId: string };

/** LIKE's wildcards taken literally, so "100%" or "a_b" match themselves. */
export function likePrefix(text: string): string {
  return `${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

export function signersWhere(scope: SignersScope, filter: SignerFilter): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(signatures.campaignId, scope.campaignId),
    sql`exists (select 1 from ${campaigns} where ${campaigns.id} = ${scope.campaignId} and ${campaigns.groupId} = ${scope.groupId})`,
  ];
  if (filter.q) {
    // The start of the email address as typed, of the name, or of any later word of the
    // name; a whole address also finds its canonical form (Ana.Perez+x@gmail → anaperez@gmail).
    const prefix = likePrefix(filter.q);
    conditions.push(or(
      sql`lower(${signatures.email}) like ${prefix}`,
      filter.q.includes("@") ? eq(signatures.emailCanonical, canonicalEmail(filter.q)) : undefined,
      sql`lower(${signatures.fullName}) like ${prefix}`,
      sql`lower(${signatures.fullName}) like ${`% ${prefix}`}`,
    ));
  }
  if (filter.status) conditions.push(eq(signatures.status, filter.status));
  if (filter.optedIn === "yes") conditions.push(isNotNull(signatures.updatesConsentAt));
  if (filter.optedIn === "no") conditions.push(isNull(signatures.updatesConsentAt));
  if (filter.source === "direct") conditions.push(isNull(signatures.referredBy));
  if (filter.source === "shared") conditions.push(isNotNull(signatures.referredBy));
  if (filter.from) conditions.push(gte(signatures.createdAt, new Date(`${filter.from}T00:00:00Z`)));
  if (filter.to) conditions.push(lt(signatures.createdAt, nextDay(filter.to)));
  return and(...conditions)!;
}
