// The two contract layouts of a USAspending download, read by header name in any column
// order: Prime Award Summaries (one row per award: Contracts_PrimeAwardSummaries_*.csv)
// and Prime Transactions (one row per action: Contracts_PrimeTransactions_*.csv, and its
// 2018 form, which has no key columns and names some columns differently).
import { normaliseName } from "../names";
import { CellError, fiscalYearOf, parseAmount, parseDate, type DateOrder } from "./dates";

export type Layout = "award_summaries" | "transactions";

export class LayoutError extends Error {}

/** Columns each layout must have (alternatives: the 2018 names). */
const REQUIRED: Record<Layout, string[][]> = {
  award_summaries: [["contract_award_unique_key"], ["award_id_piid"], ["total_obligated_amount"], ["recipient_name"]],
  transactions: [
    ["contract_award_unique_key", "awarding_sub_agency_code"],
    ["award_id_piid"],
    ["modification_number"],
    ["federal_action_obligation"],
    ["action_date"],
    ["recipient_name"],
  ],
};

export const DATE_COLUMNS = [
  "award_base_action_date", "award_latest_action_date", "action_date", "period_of_performance_start_date",
  "period_of_performance_current_end_date", "period_of_performance_potential_end_date", "last_modified_date",
];
/** Date column → the fiscal-year column the layout gives beside it (the 2018 files' `fiscal_year` is the action's). */
export const FISCAL_YEAR_OF: Record<string, string[]> = {
  award_base_action_date: ["award_base_action_date_fiscal_year"],
  award_latest_action_date: ["award_latest_action_date_fiscal_year"],
  action_date: ["action_date_fiscal_year", "fiscal_year"],
};

export type Columns = { layout: Layout; index: Map<string, number>; width: number };

export function readHeader(header: string[]): Columns {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    const clean = name.replace(/^\uFEFF/, "").trim().toLowerCase();
    if (clean && !index.has(clean)) index.set(clean, i);
  });
  const layout: Layout | null = index.has("modification_number") || index.has("federal_action_obligation")
    ? "transactions"
    : index.has("total_obligated_amount")
      ? "award_summaries"
      : null;
  if (!layout) {
    throw new LayoutError(
      "line 1: this is not a USAspending contracts file (no total_obligated_amount or federal_action_obligation column)",
    );
  }
  const missing = REQUIRED[layout].filter((names) => !names.some((n) => index.has(n))).map((names) => names.join(" or "));
  if (missing.length) throw new LayoutError(`line 1: the ${layout.replace("_", " ")} file has no column ${missing.join(", ")}`);
  return { layout, index, width: header.length };
}

export type AwardRecord = {
  awardKey: string;
  piid: string;
  parentAwardPiid: string | null;
  parentAwardAgencyCode: string | null;
  parentAwardAgencyName: string | null;
  awardingToptierCode: string | null;
  awardingAgencyName: string | null;
  awardingSubAgencyCode: string | null;
  awardingSubAgencyName: string | null;
  awardingOfficeName: string | null;
  fundingSubAgencyCode: string | null;
  fundingSubAgencyName: string | null;
  fundingOfficeName: string | null;
  recipientName: string;
  recipientParentName: string | null;
  recipientUei: string | null;
  recipientParentUei: string | null;
  recipientDuns: string | null;
  recipientParentDuns: string | null;
  description: string | null;
  pscCode: string | null;
  pscDescription: string | null;
  naicsCode: string | null;
  naicsDescription: string | null;
  awardType: string | null;
  baseActionDate: string | null;
  latestActionDate: string | null;
  periodStart: string | null;
  periodCurrentEnd: string | null;
  periodPotentialEnd: string | null;
  totalObligated: string | null;
  currentValue: string | null;
  potentialValue: string | null;
  fiscalYear: number | null;
  permalink: string | null;
  asOf: string;
};

export type TransactionRecord = {
  transactionKey: string;
  modificationNumber: string | null;
  actionDate: string | null;
  federalActionObligation: string | null;
  description: string | null;
};

export type ParsedRow =
  | { kind: "award"; award: AwardRecord }
  | { kind: "transaction"; award: AwardRecord; transaction: TransactionRecord };

/** A row that cannot be used; the import goes on without it and reports it. */
export class RowError extends Error {}

const NONE = "-NONE-";

export function parseRow(row: string[], columns: Columns, order: DateOrder, today: string): ParsedRow {
  const get = (...names: string[]): string | null => {
    for (const name of names) {
      const i = columns.index.get(name);
      if (i !== undefined) {
        const v = (row[i] ?? "").trim();
        if (v !== "") return v;
      }
    }
    return null;
  };
  const cell = <T>(name: string, read: () => T): T => {
    try {
      return read();
    } catch (error) {
      if (error instanceof CellError) throw new RowError(`${name}: ${error.message}`);
      throw error;
    }
  };
  const date = (...names: string[]) => cell(names[0], () => parseDate(get(...names) ?? "", order));
  const amount = (...names: string[]) => cell(names[0], () => parseAmount(get(...names) ?? ""));

  const piid = get("award_id_piid");
  if (!piid) throw new RowError("award_id_piid is empty");
  const recipientName = get("recipient_name", "recipient_name_raw");
  if (!recipientName) throw new RowError("recipient_name is empty");
  const subtier = get("awarding_sub_agency_code");
  const parentPiid = get("parent_award_id_piid", "parent_award_id");
  const parentAgency = get("parent_award_agency_id");
  // The 2018 transaction layout has no key: build it the way USAspending does
  // (CONT_AWD_{PIID}_{awarding subtier}_{parent PIID}_{parent agency}).
  const awardKey = get("contract_award_unique_key") ?? (subtier ? `CONT_AWD_${piid}_${subtier}_${parentPiid ?? NONE}_${parentAgency ?? NONE}` : null);
  if (!awardKey) throw new RowError("contract_award_unique_key is empty");
  if (!/^CONT_(AWD|IDV)_/.test(awardKey)) throw new RowError(`"${awardKey.slice(0, 60)}" is not a contract award key`);

  const isTransactions = columns.layout === "transactions";
  const actionDate = isTransactions ? date("action_date") : null;
  const baseActionDate = isTransactions ? null : date("award_base_action_date");
  const latestActionDate = isTransactions ? actionDate : date("award_latest_action_date");
  const lastModified = date("last_modified_date");
  const fyText = get("award_base_action_date_fiscal_year");
  const fiscalYear = fyText && /^\d{4}$/.test(fyText) ? Number(fyText) : (baseActionDate ?? actionDate) ? fiscalYearOf((baseActionDate ?? actionDate)!) : null;

  const award: AwardRecord = {
    awardKey,
    piid,
    parentAwardPiid: parentPiid,
    parentAwardAgencyCode: parentAgency,
    parentAwardAgencyName: get("parent_award_agency_name"),
    awardingToptierCode: get("awarding_agency_code"),
    awardingAgencyName: get("awarding_agency_name"),
    awardingSubAgencyCode: subtier,
    awardingSubAgencyName: get("awarding_sub_agency_name"),
    awardingOfficeName: get("awarding_office_name"),
    fundingSubAgencyCode: get("funding_sub_agency_code"),
    fundingSubAgencyName: get("funding_sub_agency_name"),
    fundingOfficeName: get("funding_office_name"),
    recipientName,
    recipientParentName: get("recipient_parent_name", "recipient_parent_name_raw"),
    recipientUei: get("recipient_uei"),
    recipientParentUei: get("recipient_parent_uei"),
    recipientDuns: get("recipient_duns"),
    recipientParentDuns: get("recipient_parent_duns"),
    description: get("prime_award_base_transaction_description", "award_description", "transaction_description"),
    pscCode: get("product_or_service_code"),
    pscDescription: get("product_or_service_code_description"),
    naicsCode: get("naics_code"),
    naicsDescription: get("naics_description"),
    awardType: get("award_type", "idv_type"),
    baseActionDate: baseActionDate ?? actionDate,
    latestActionDate,
    periodStart: date("period_of_performance_start_date"),
    periodCurrentEnd: date("period_of_performance_current_end_date"),
    periodPotentialEnd: date("period_of_performance_potential_end_date"),
    totalObligated: isTransactions ? null : amount("total_obligated_amount"),
    currentValue: amount("current_total_value_of_award"),
    potentialValue: amount("potential_total_value_of_award"),
    fiscalYear,
    permalink: get("usaspending_permalink") ?? `https://www.usaspending.gov/award/${encodeURIComponent(awardKey)}/`,
    // The record's own last change, else its latest action; a file with neither is as of today.
    asOf: lastModified ?? latestActionDate ?? today,
  };
  if (!isTransactions) return { kind: "award", award };
  const mod = get("modification_number");
  const transactionKey =
    get("contract_transaction_unique_key") ??
    `${subtier ?? NONE}_${parentAgency ?? NONE}_${piid}_${mod ?? "0"}_${parentPiid ?? NONE}_${get("transaction_number") ?? "0"}`;
  return {
    kind: "transaction",
    award,
    transaction: {
      transactionKey,
      modificationNumber: mod,
      actionDate,
      federalActionObligation: amount("federal_action_obligation"),
      description: get("transaction_description", "award_description"),
    },
  };
}

/** The names an unmatched recipient is listed under in the report. */
export function recipientLabel(award: Pick<AwardRecord, "recipientName" | "recipientParentName">): string {
  const name = normaliseName(award.recipientName);
  const parent = award.recipientParentName ? normaliseName(award.recipientParentName) : null;
  return parent && parent !== name ? `${name} (parent: ${parent})` : name;
}
