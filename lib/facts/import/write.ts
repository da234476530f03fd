// Writing parsed rows: upserts by award key that change a row only when a value differs
// (so importing the same file twice changes nothing), agencies added by subtier code,
// and transaction rows rolled up into their award. Everything here runs inside the
// caller's transaction.
import { eq, inArray, sql, type SQL } from "drizzle-orm";
import { agencies, awards, awardTransactions, type NewAward } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import type { Resolver } from "../resolve";
import type { AwardRecord, ParsedRow, TransactionRecord } from "./layout";

export type WriteContext = {
  tx: DbOrTx;
  resolve: Resolver;
  sourceId: string | null;
  /** Subtier code (or lower-cased name) → agency id; filled as agencies are met. */
  agencyIds: Map<string, string>;
  onUnmatched: (award: AwardRecord) => void;
};

// The columns an upsert compares and sets (not the key, not the bookkeeping ones).
const AWARD_COLUMNS = [
  "piid", "parentAwardPiid", "parentAwardAgencyCode", "parentAwardAgencyName", "awardingAgencyId", "awardingAgencyName",
  "awardingSubAgencyName", "awardingOfficeName", "fundingAgencyId", "fundingSubAgencyName", "fundingOfficeName",
  "recipientName", "recipientParentName", "recipientUei", "recipientParentUei", "companyId", "description", "pscCode",
  "pscDescription", "naicsCode", "naicsDescription", "awardType", "baseActionDate", "latestActionDate", "periodStart",
  "periodCurrentEnd", "periodPotentialEnd", "totalObligated", "currentValue", "potentialValue", "obligationBasis",
  "fiscalYear", "permalink", "asOf",
] as const satisfies readonly (keyof typeof awards.$inferInsert)[];
// What a transaction row may set on its award: the description and parties, not the totals
// (recomputed from all its transactions) nor the dates (ditto).
const TRANSACTION_AWARD_COLUMNS = AWARD_COLUMNS.filter(
  (c) => !["totalObligated", "currentValue", "potentialValue", "obligationBasis", "baseActionDate", "latestActionDate", "fiscalYear", "asOf"].includes(c),
);

function columnName(key: keyof typeof awards.$inferInsert): string {
  return awards[key].name;
}

function excludedSet(keys: readonly (keyof typeof awards.$inferInsert)[]): Record<string, SQL> {
  // Used by the transaction upsert; the summary upsert builds its own (see writeAwardRows).
  return Object.fromEntries(keys.map((k) => [k, sql.raw(`excluded."${columnName(k)}"`)]));
}

function differs(keys: readonly (keyof typeof awards.$inferInsert)[]): SQL {
  const mine = keys.map((k) => `"awards"."${columnName(k)}"`).join(", ");
  const theirs = keys.map((k) => `excluded."${columnName(k)}"`).join(", ");
  return sql.raw(`(${mine}) is distinct from (${theirs})`);
}

async function agencyId(ctx: WriteContext, code: string | null, name: string | null, toptier: string | null): Promise<string | null> {
  if (!code && !name) return null;
  const cacheKey = code ?? `name:${name!.toLowerCase()}`;
  const cached = ctx.agencyIds.get(cacheKey);
  if (cached) return cached;
  let [row] = code ? await ctx.tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.subtierCode, code)) : [];
  if (!row && name) {
    // An agency the dataset knows by name but not yet by code (CBP, USCIS): learn the code.
    [row] = await ctx.tx.select({ id: agencies.id, code: agencies.subtierCode }).from(agencies).where(sql`lower(${agencies.name}) = ${name.toLowerCase()}`);
    if (row && code && !(row as { code?: string | null }).code) await ctx.tx.update(agencies).set({ subtierCode: code }).where(eq(agencies.id, row.id));
  }
  if (!row) {
    [row] = await ctx.tx
      .insert(agencies)
      .values({ slug: code ? `subtier-${code}` : `agency-${name!.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 60)}`, name: titleCase(name ?? code!), subtierCode: code, toptierCode: toptier })
      .onConflictDoUpdate({ target: agencies.slug, set: { slug: sql`excluded.slug` } })
      .returning({ id: agencies.id });
  }
  ctx.agencyIds.set(cacheKey, row.id);
  return row.id;
}

/** "U.S. IMMIGRATION AND CUSTOMS ENFORCEMENT" → "U.S. Immigration And Customs Enforcement" for agencies first met in a file. */
function titleCase(name: string): string {
  return name === name.toUpperCase() ? name.toLowerCase().replace(/\b([a-z])/g, (c) => c.toUpperCase()).replace(/\bU\.s\./g, "U.S.") : name;
}

async function toAwardRow(ctx: WriteContext, a: AwardRecord, basis: "award_total" | "transactions"): Promise<NewAward> {
  const companyId = ctx.resolve(a);
  if (!companyId) ctx.onUnmatched(a);
  return {
    awardKey: a.awardKey,
    piid: a.piid,
    parentAwardPiid: a.parentAwardPiid,
    parentAwardAgencyCode: a.parentAwardAgencyCode,
    parentAwardAgencyName: a.parentAwardAgencyName,
    awardingAgencyId: await agencyId(ctx, a.awardingSubAgencyCode, a.awardingSubAgencyName, a.awardingToptierCode),
    awardingAgencyName: a.awardingAgencyName,
    awardingSubAgencyName: a.awardingSubAgencyName,
    awardingOfficeName: a.awardingOfficeName,
    fundingAgencyId: await agencyId(ctx, a.fundingSubAgencyCode, a.fundingSubAgencyName, null),
    fundingSubAgencyName: a.fundingSubAgencyName,
    fundingOfficeName: a.fundingOfficeName,
    recipientName: a.recipientName,
    recipientParentName: a.recipientParentName,
    recipientUei: a.recipientUei,
    recipientParentUei: a.recipientParentUei,
    companyId,
    description: a.description,
    pscCode: a.pscCode,
    pscDescription: a.pscDescription,
    naicsCode: a.naicsCode,
    naicsDescription: a.naicsDescription,
    awardType: a.awardType,
    baseActionDate: a.baseActionDate,
    latestActionDate: a.latestActionDate,
    periodStart: a.periodStart,
    periodCurrentEnd: a.periodCurrentEnd,
    periodPotentialEnd: a.periodPotentialEnd,
    totalObligated: a.totalObligated,
    currentValue: a.currentValue,
    potentialValue: a.potentialValue,
    obligationBasis: basis,
    fiscalYear: a.fiscalYear,
    permalink: a.permalink,
    asOf: a.asOf,
    sourceId: ctx.sourceId,
    updatedAt: sql`now()` as unknown as Date,
    firstSeenAt: sql`now()` as unknown as Date,
  };
}

/**
 * Award-summary rows: each row is the award's own total, so it replaces what is there.
 * `partial` (API results, which carry fewer fields): an empty field keeps the stored value.
 */
export async function writeAwardRows(ctx: WriteContext, rows: AwardRecord[], options: { partial?: boolean } = {}): Promise<void> {
  const byKey = new Map(rows.map((r) => [r.awardKey, r])); // a key twice in one batch: the later row wins
  const values: NewAward[] = [];
  for (const r of byKey.values()) values.push(await toAwardRow(ctx, r, "award_total"));
  if (!values.length) return;
  const incoming = (k: keyof typeof awards.$inferInsert) =>
    options.partial ? `coalesce(excluded."${columnName(k)}", "awards"."${columnName(k)}")` : `excluded."${columnName(k)}"`;
  await ctx.tx
    .insert(awards)
    .values(values)
    .onConflictDoUpdate({
      target: awards.awardKey,
      set: {
        ...Object.fromEntries(AWARD_COLUMNS.map((k) => [k, sql.raw(incoming(k))])),
        sourceId: sql`excluded.source_id`,
        updatedAt: sql`now()`,
      },
      setWhere: sql.raw(
        `(${AWARD_COLUMNS.map((k) => `"awards"."${columnName(k)}"`).join(", ")}) is distinct from (${AWARD_COLUMNS.map(incoming).join(", ")})`,
      ),
    });
}

/**
 * Transaction rows: stored by transaction key, their award created if new (its parties and
 * description from the latest action), then the award's totals recomputed from all its
 * transaction rows — unless the award has its own total from a summary file or the API.
 */
export async function writeTransactionRows(ctx: WriteContext, rows: { award: AwardRecord; transaction: TransactionRecord }[]): Promise<void> {
  const latest = new Map<string, AwardRecord>();
  for (const { award } of rows) {
    const seen = latest.get(award.awardKey);
    if (!seen || (award.latestActionDate ?? "") >= (seen.latestActionDate ?? "")) latest.set(award.awardKey, award);
  }
  const awardValues: NewAward[] = [];
  for (const a of latest.values()) awardValues.push(await toAwardRow(ctx, { ...a, totalObligated: null }, "transactions"));
  if (!awardValues.length) return;
  await ctx.tx
    .insert(awards)
    .values(awardValues)
    .onConflictDoUpdate({
      target: awards.awardKey,
      set: { ...excludedSet(TRANSACTION_AWARD_COLUMNS), updatedAt: sql`now()` },
      // Only transaction-built awards, and only from an action as new as the one they show.
      setWhere: sql`"awards"."obligation_basis" = 'transactions' and excluded."latest_action_date" >= coalesce("awards"."latest_action_date", excluded."latest_action_date") and ${differs(TRANSACTION_AWARD_COLUMNS)}`,
    });
  const byKey = new Map(rows.map((r) => [r.transaction.transactionKey, r]));
  const txValues = [...byKey.values()].map(({ award, transaction: t }) => ({
    transactionKey: t.transactionKey,
    awardKey: award.awardKey,
    modificationNumber: t.modificationNumber,
    actionDate: t.actionDate,
    federalActionObligation: t.federalActionObligation,
    currentValue: award.currentValue,
    potentialValue: award.potentialValue,
    description: t.description,
  }));
  const txColumns = ["award_key", "modification_number", "action_date", "federal_action_obligation", "current_value", "potential_value", "description"];
  await ctx.tx
    .insert(awardTransactions)
    .values(txValues)
    .onConflictDoUpdate({
      target: awardTransactions.transactionKey,
      set: Object.fromEntries(
        [["awardKey", "award_key"], ["modificationNumber", "modification_number"], ["actionDate", "action_date"], ["federalActionObligation", "federal_action_obligation"], ["currentValue", "current_value"], ["potentialValue", "potential_value"], ["description", "description"]].map(([k, c]) => [k, sql.raw(`excluded."${c}"`)]),
      ),
      setWhere: sql.raw(
        `(${txColumns.map((c) => `"award_transactions"."${c}"`).join(", ")}) is distinct from (${txColumns.map((c) => `excluded."${c}"`).join(", ")})`,
      ),
    });
  await rollUp(ctx.tx, [...latest.keys()]);
}

/**
 * An award built from transaction rows: obligated = the sum of its actions' obligations
 * (de-obligations subtract), current and potential value = those of its latest action
 * that states them, dates = its first and latest action.
 */
async function rollUp(tx: DbOrTx, awardKeys: string[]): Promise<void> {
  const t = awardTransactions;
  await tx.execute(sql`
    update ${awards} as a set
      total_obligated = r.obligated, current_value = r.current_value, potential_value = r.potential_value,
      base_action_date = r.first_action, latest_action_date = r.last_action,
      fiscal_year = case when extract(month from r.first_action) >= 10 then extract(year from r.first_action)::int + 1
                         else extract(year from r.first_action)::int end,
      as_of = greatest(a.as_of, r.last_action), updated_at = now()
    from (
      select ${t.awardKey} as award_key,
        sum(${t.federalActionObligation}) as obligated,
        (array_agg(${t.currentValue} order by ${t.actionDate} desc nulls last, ${t.modificationNumber} desc) filter (where ${t.currentValue} is not null))[1] as current_value,
        (array_agg(${t.potentialValue} order by ${t.actionDate} desc nulls last, ${t.modificationNumber} desc) filter (where ${t.potentialValue} is not null))[1] as potential_value,
        min(${t.actionDate}) as first_action, max(${t.actionDate}) as last_action
      from ${t} where ${inArray(t.awardKey, awardKeys)} group by ${t.awardKey}
    ) as r
    where a.award_key = r.award_key and a.obligation_basis = 'transactions'
      and (a.total_obligated, a.current_value, a.potential_value, a.base_action_date, a.latest_action_date, a.as_of)
        is distinct from (r.obligated, r.current_value, r.potential_value, r.first_action, r.last_action, greatest(a.as_of, r.last_action))`);
}

export async function writeRows(ctx: WriteContext, rows: ParsedRow[]): Promise<void> {
  const summaries: AwardRecord[] = [];
  const transactions: { award: AwardRecord; transaction: TransactionRecord }[] = [];
  for (const r of rows) {
    if (r.kind === "award") summaries.push(r.award);
    else transactions.push(r);
  }
  if (summaries.length) await writeAwardRows(ctx, summaries);
  if (transactions.length) await writeTransactionRows(ctx, transactions);
}
