// The contract-facts dataset: agencies, sources, awards (USAspending evidence, keyed by
// contract_award_unique_key) and the facts a page shows, each backed by citations.
// A page never shows a number straight from free text: it shows a fact or an award,
// with its amount kind and as-of date (lib/facts/money.ts).
import {
  date, index, integer, jsonb, numeric, pgEnum, pgTable, primaryKey, text, timestamp, uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { companies } from "./companies";
import { users } from "./auth";

export const agencyJurisdiction = pgEnum("agency_jurisdiction", ["us", "eu"]);

// ICE, CBP, DHS and its offices, USCIS, Frontex; subtiers met in imported files are added
// by the importer (keyed by their subtier code).
export const agencies = pgTable("agencies", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  nameEs: text("name_es"),
  abbreviation: text("abbreviation"),
  jurisdiction: agencyJurisdiction("jurisdiction").notNull().default("us"),
  toptierCode: text("toptier_code"),
  subtierCode: text("subtier_code").unique(),
  parentId: uuid("parent_id").references((): AnyPgColumn => agencies.id, { onDelete: "set null" }),
});

export const sourceKind = pgEnum("source_kind", [
  "usaspending_award", "usaspending_download", "usaspending_api", "fpds", "news", "ngo_report",
  "gov_report", "foia", "company_statement", "seed",
]);
export const sourceReliability = pgEnum("source_reliability", ["primary", "secondary", "advocacy"]);

export const sources = pgTable("sources", {
  id: uuid("id").primaryKey().defaultRandom(),
  // Stable name used by the dataset files and importers ("usas-award:CONT_AWD_…", "verge-2018-06-21").
  key: text("key").notNull().unique(),
  kind: sourceKind("kind").notNull(),
  title: text("title").notNull(),
  publisher: text("publisher"),
  author: text("author"),
  publishedOn: date("published_on"),
  url: text("url"),
  archiveUrl: text("archive_url"),
  licence: text("licence"),
  reliability: sourceReliability("reliability").notNull().default("secondary"),
  accessedOn: date("accessed_on"),
  note: text("note"),
});

// How an award's obligated total was obtained: the award's own total (summary file or
// API) or the sum of the transaction rows on file (which may not be all of them).
export const obligationBasis = pgEnum("obligation_basis", ["award_total", "transactions"]);

export const awards = pgTable(
  "awards",
  {
    awardKey: text("award_key").primaryKey(), // contract_award_unique_key
    piid: text("piid").notNull(),
    parentAwardPiid: text("parent_award_piid"),
    parentAwardAgencyCode: text("parent_award_agency_code"),
    parentAwardAgencyName: text("parent_award_agency_name"),
    awardingAgencyId: uuid("awarding_agency_id").references(() => agencies.id, { onDelete: "set null" }),
    awardingAgencyName: text("awarding_agency_name"),
    awardingSubAgencyName: text("awarding_sub_agency_name"),
    awardingOfficeName: text("awarding_office_name"),
    fundingAgencyId: uuid("funding_agency_id").references(() => agencies.id, { onDelete: "set null" }),
    fundingSubAgencyName: text("funding_sub_agency_name"),
    fundingOfficeName: text("funding_office_name"),
    // As written in the record, so an admin can see why it resolved (or did not).
    recipientName: text("recipient_name").notNull(),
    recipientParentName: text("recipient_parent_name"),
    recipientUei: text("recipient_uei"),
    recipientParentUei: text("recipient_parent_uei"),
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "set null" }),
    // Whose product the recipient resold (Azure bought through Dell): the award is the
    // recipient's, shown as "<product company> via <recipient>". Set by the dataset.
    productCompanyId: uuid("product_company_id").references(() => companies.id, { onDelete: "set null" }),
    description: text("description"),
    pscCode: text("psc_code"),
    pscDescription: text("psc_description"),
    naicsCode: text("naics_code"),
    naicsDescription: text("naics_description"),
    awardType: text("award_type"),
    baseActionDate: date("base_action_date"),
    latestActionDate: date("latest_action_date"),
    periodStart: date("period_start"),
    periodCurrentEnd: date("period_current_end"),
    periodPotentialEnd: date("period_potential_end"),
    totalObligated: numeric("total_obligated", { precision: 16, scale: 2 }),
    currentValue: numeric("current_value", { precision: 16, scale: 2 }),
    potentialValue: numeric("potential_value", { precision: 16, scale: 2 }),
    obligationBasis: obligationBasis("obligation_basis").notNull().default("award_total"),
    // Federal fiscal year (1 Oct – 30 Sep) of the base action: where an award's total is
    // charted when no transaction rows split it by year.
    fiscalYear: integer("fiscal_year"),
    permalink: text("permalink"),
    asOf: date("as_of").notNull(),
    sourceId: uuid("source_id").references(() => sources.id, { onDelete: "set null" }),
    // An import runs in one transaction, where now() is fixed: rows it created have
    // first_seen_at = now(), rows it changed updated_at = now() (how the report counts them).
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("awards_updated_idx").on(t.updatedAt),
    index("awards_company_idx").on(t.companyId),
    index("awards_awarding_agency_idx").on(t.awardingAgencyId),
    index("awards_recipient_name_idx").on(t.recipientName),
  ],
);

// Transaction rows (modifications) from Prime Transactions files: an award's totals are
// recomputed from these when it has no award total of its own.
export const awardTransactions = pgTable(
  "award_transactions",
  {
    transactionKey: text("transaction_key").primaryKey(),
    awardKey: text("award_key").notNull().references(() => awards.awardKey, { onDelete: "cascade" }),
    modificationNumber: text("modification_number"),
    actionDate: date("action_date"),
    federalActionObligation: numeric("federal_action_obligation", { precision: 16, scale: 2 }),
    currentValue: numeric("current_value", { precision: 16, scale: 2 }),
    potentialValue: numeric("potential_value", { precision: 16, scale: 2 }),
    description: text("description"),
  },
  (t) => [index("award_transactions_award_idx").on(t.awardKey)],
);

export const amountKind = pgEnum("amount_kind", [
  "obligated", "current_value", "ceiling", "reported_value", "budget", "count", "percent",
]);
export const currency = pgEnum("currency", ["USD", "EUR"]);
export const factStatus = pgEnum("fact_status", [
  "verified_record", "verified_press", "reported", "disputed", "wrong", "unverified",
]);
export const datePrecision = pgEnum("date_precision", ["day", "month", "year"]);

// A fact is a checked claim. Its headline is what a page shows, in our words (for a wrong
// claim: the corrected statement); `claimed` keeps what the checked document said.
// Citations: "supports" backs the headline (every fact has one), "contradicts" names a
// source whose claim the fact corrects, "context" is background.
export const facts = pgTable(
  "facts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull().unique(), // stable id in the dataset files
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "cascade" }),
    agencyId: uuid("agency_id").references(() => agencies.id, { onDelete: "set null" }),
    program: text("program"),
    headline: text("headline").notNull(),
    headlineEs: text("headline_es"),
    amount: numeric("amount", { precision: 18, scale: 2 }),
    currency: currency("currency").notNull().default("USD"),
    amountKind: amountKind("amount_kind"),
    amountAsOf: date("amount_as_of"),
    eventDate: date("event_date"),
    eventDatePrecision: datePrecision("event_date_precision").notNull().default("day"),
    awardKey: text("award_key").references(() => awards.awardKey, { onDelete: "set null" }),
    status: factStatus("status").notNull(),
    // What a source document claimed, when this fact checks a claim (seed id, e.g. "S0-8").
    claimRef: text("claim_ref"),
    claimed: text("claimed"),
    correction: text("correction"),
    correctionEs: text("correction_es"),
    // Higher first on a campaign's facts panel.
    weight: integer("weight").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("facts_company_idx").on(t.companyId)],
);

export const citationRole = pgEnum("citation_role", ["supports", "contradicts", "context"]);

export const citations = pgTable(
  "citations",
  {
    factId: uuid("fact_id").notNull().references(() => facts.id, { onDelete: "cascade" }),
    sourceId: uuid("source_id").notNull().references(() => sources.id, { onDelete: "restrict" }),
    role: citationRole("role").notNull().default("supports"),
    // Where in the source (page, paragraph, row), in our words.
    locator: text("locator"),
  },
  (t) => [primaryKey({ columns: [t.factId, t.sourceId, t.role] }), index("citations_source_idx").on(t.sourceId)],
);

// Which version of the data files (db/facts/) this database holds.
export const datasetVersions = pgTable("dataset_versions", {
  name: text("name").primaryKey(),
  version: integer("version").notNull(),
  loadedAt: timestamp("loaded_at", { withTimezone: true }).notNull().defaultNow(),
});

export const awardImportKind = pgEnum("award_import_kind", ["file", "api", "dataset"]);
export const awardImportStatus = pgEnum("award_import_status", ["running", "done", "failed"]);

// One row per import or sync run, with its report (lib/facts/import/report.ts).
export const awardImports = pgTable(
  "award_imports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: awardImportKind("kind").notNull(),
    label: text("label").notNull(), // file name, or "API: palantir"
    status: awardImportStatus("status").notNull().default("running"),
    startedBy: uuid("started_by").references(() => users.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    report: jsonb("report"),
    error: text("error"),
  },
  (t) => [index("award_imports_started_idx").on(t.startedAt)],
);

export type Agency = typeof agencies.$inferSelect;
export type Source = typeof sources.$inferSelect;
export type Award = typeof awards.$inferSelect;
export type NewAward = typeof awards.$inferInsert;
export type Fact = typeof facts.$inferSelect;
export type Citation = typeof citations.$inferSelect;
export type FactStatus = (typeof factStatus.enumValues)[number];
export type AmountKind = (typeof amountKind.enumValues)[number];
