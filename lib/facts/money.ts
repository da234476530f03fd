// Rules for showing money (issue 9, item 5). Every amount a page shows is a Money: it
// carries its kind and its as-of date, and a total says what it sums. Ceilings
// (potential values) are never added to obligations, nor to each other.
import type { AmountKind } from "@/db/schema";

export type Currency = "USD" | "EUR";

export type Money = {
  amount: number;
  currency: Currency;
  kind: AmountKind;
  /** ISO date the figure was true on (a record's last modification, a download date, an article). */
  asOf: string | null;
};

/** What a total adds up, so a page can say it ("obligated on 12 awards, 3 from partial transaction rows"). */
export type MoneyTotal = Money & {
  kind: "obligated" | "current_value";
  awards: number;
  /** Awards whose obligation is the sum of the transaction rows on file, which may be incomplete. */
  fromTransactions: number;
  /** Awards bought through a reseller (counted for the recipient, the reseller). */
  viaReseller: number;
};

/** The kinds that can be summed with each other: money actually committed. */
const ADDITIVE: ReadonlySet<AmountKind> = new Set(["obligated", "current_value"]);

export class MoneyRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MoneyRuleError";
  }
}

/** Cents, so sums of two-decimal amounts stay exact. */
export function toCents(amount: number | string): number {
  return Math.round(Number(amount) * 100);
}

/**
 * Adds amounts of ONE kind and currency. Throws on a ceiling, a reported or budget figure
 * (not additive), or on a mix of kinds — a ceiling must never end up inside an obligated total.
 * The as-of date of a sum is the earliest of its parts: the total is only known true then.
 */
export function sumMoney(items: readonly Money[], kind: "obligated" | "current_value", currency: Currency = "USD"): Money {
  if (!ADDITIVE.has(kind)) throw new MoneyRuleError(`${kind} amounts are not added up`);
  let cents = 0;
  let asOf: string | null = null;
  for (const item of items) {
    if (item.kind !== kind) throw new MoneyRuleError(`cannot add a ${item.kind} amount to a ${kind} total`);
    if (item.currency !== currency) throw new MoneyRuleError(`cannot add ${item.currency} to ${currency}`);
    cents += toCents(item.amount);
    if (item.asOf && (asOf === null || item.asOf < asOf)) asOf = item.asOf;
  }
  return { amount: cents / 100, currency, kind, asOf };
}

export type AwardAmounts = {
  totalObligated: string | number | null;
  currentValue: string | number | null;
  potentialValue: string | number | null;
  asOf: string;
};

/** An award's amounts as labelled Money, each present only when the record has it. */
export function awardMoney(award: AwardAmounts): { obligated?: Money; currentValue?: Money; ceiling?: Money } {
  const make = (value: string | number | null, kind: AmountKind): Money | undefined =>
    value === null || value === "" ? undefined : { amount: toCents(value) / 100, currency: "USD", kind, asOf: award.asOf };
  return {
    obligated: make(award.totalObligated, "obligated"),
    currentValue: make(award.currentValue, "current_value"),
    ceiling: make(award.potentialValue, "ceiling"),
  };
}

export type TotalInput = AwardAmounts & { obligationBasis: "award_total" | "transactions"; productCompanyId: string | null };

/** A company's (or agency's) obligated total over its awards, saying what it sums. Ceilings are ignored. */
export function obligatedTotal(awards: readonly TotalInput[]): MoneyTotal {
  const amounts = awards.flatMap((a) => awardMoney(a).obligated ?? []);
  return {
    ...sumMoney(amounts, "obligated"),
    kind: "obligated",
    awards: awards.length,
    fromTransactions: awards.filter((a) => a.obligationBasis === "transactions").length,
    viaReseller: awards.filter((a) => a.productCompanyId !== null).length,
  };
}

/**
 * How an award bought through a reseller reads: the money went to the recipient (the
 * reseller), the product was another company's — "Microsoft product, via Dell Federal Systems".
 */
export function resellerNote(award: { recipientName: string; productOf: { name: string } | null }): { soldBy: string; productOf: string } | null {
  return award.productOf ? { soldBy: award.recipientName, productOf: award.productOf.name } : null;
}

const KIND_ORDER: readonly AmountKind[] = ["obligated", "current_value", "ceiling", "reported_value", "budget", "count", "percent"];

/** The headline amount of an award: obligated when known, else current value, else the ceiling — labelled. */
export function headlineAwardAmount(award: AwardAmounts): Money | undefined {
  const m = awardMoney(award);
  return m.obligated ?? m.currentValue ?? m.ceiling;
}

export function compareKinds(a: AmountKind, b: AmountKind): number {
  return KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b);
}
