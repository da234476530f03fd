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

/** The words of a search as tsquery-safe terms: letters and digits only, at most five. */
export function nameWords(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 5);
}

/** Whether a filter narrows anything (an empty one is the whole campaign). */
export function isUnfiltered(filter: SignerFilter): boolean {
  return !filter.q && !filter.optedIn && !filter.source && !filter.from && !filter.to;
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000);

export function signersWhere(scope: SignersScope, filter: SignerFilter): SQL {
  const conditions: (SQL | undefined)[] = [
    eq(signatures.campaignId, scope.campaignId),
    sql`exists (select 1 from ${campaigns} where ${campaigns.id} = ${scope.campaignId} and ${campaigns.groupId} = ${scope.groupId})`,
  ];
  if (filter.q) {
    // The start of any word of the name (full-text prefix match on its words, indexed),
    // the start of the email address as typed, or, for a whole address, its canonical
    // form (Ana.Perez+x@gmail.com finds anaperez@gmail.com).
    const words = nameWords(filter.q);
    conditions.push(or(
      sql`lower(${signatures.email}) like ${likePrefix(filter.q)}`,
      filter.q.includes("@") ? eq(signatures.emailCanonical, canonicalEmail(filter.q)) : undefined,
      words.length
        ? sql`to_tsvector('simple', ${signatures.fullName}) @@ to_tsquery('simple', ${words.map((w) => `${w}:*`).join(" & ")})`
        : undefined,
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
