import "server-only";
// The one translation of a signers filter into SQL, shared by the table, its counts and
// the export, so what is downloaded is what was on screen. The campaign is matched
// through its group: a scope from another group finds no rows.
import { and, eq, gte, isNotNull, isNull, lt, or, sql, type SQL } from "drizzle-orm";
import { foldedSql, foldName } from "@/db/name-fold";
import { campaigns, signatures } from "@/db/schema";
import { canonicalEmail } from "@/lib/signatures/canonical-email";
import type { SignerFilter } from "./schemas";

export type SignersScope = { campaignId: string; groupId: string };

/**
 * `expression` starts with `prefix`, as a range over the text_pattern_ops index: LIKE
 * with a bound parameter cannot use that index once PostgreSQL plans the statement
 * generically (after a few runs of a prepared statement), a range can. Byte order of
 * UTF-8 is code point order, so [prefix, prefix with its last character + 1) holds
 * exactly the strings that start with it.
 */
export function startsWith(expression: SQL, prefix: string): SQL {
  const chars = Array.from(prefix);
  const last = chars.pop()!;
  let next = Math.min(last.codePointAt(0)! + 1, 0x10ffff);
  if (next >= 0xd800 && next <= 0xdfff) next = 0xe000; // no character lives in the surrogate range
  const after = chars.join("") + String.fromCodePoint(next);
  return sql`(${expression} ~>=~ ${prefix} and ${expression} ~<~ ${after})`;
}

/**
 * The words of a search as tsquery-safe terms: letters and digits only, at most five,
 * accents folded and lower-cased as the name index folds names ("Pérez" → "perez").
 */
export function nameWords(text: string): string[] {
  return (foldName(text).match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 5);
}

/** Every word starts a word of the name, accents and case aside (the folded-words index). */
export function nameMatches(words: string[]): SQL {
  return sql`to_tsvector('simple', ${foldedSql(signatures.fullName)}) @@ to_tsquery('simple', ${words.map((w) => `${w}:*`).join(" & ")})`;
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
    // The start of any word of the name, accents and case aside (full-text prefix match
    // on its folded words, indexed by signatures_name_folded_words_idx),
    // the start of the email address as typed, or, for a whole address, its canonical
    // form (Ana.Perez+x@gmail.com finds anaperez@gmail.com).
    const words = nameWords(filter.q);
    conditions.push(or(
      startsWith(sql`lower(${signatures.email})`, filter.q.toLowerCase()),
      filter.q.includes("@") ? eq(signatures.emailCanonical, canonicalEmail(filter.q)) : undefined,
      words.length ? nameMatches(words) : undefined,
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
