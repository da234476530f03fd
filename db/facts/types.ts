// The shapes of the dataset files (db/facts/data/). Written by hand, in our own words,
// from shared/research/contract-facts.md and the seed documents; loaded by db/facts/load.ts.
import type { AmountKind, FactStatus } from "@/db/schema";

export type DatasetAgency = {
  slug: string;
  name: string;
  nameEs: string;
  abbreviation: string;
  jurisdiction?: "us" | "eu";
  toptierCode?: string;
  /** Only codes seen in real USAspending rows; others are learnt from imported files by name. */
  subtierCode?: string;
  parent?: string;
};

export type DatasetCompany = {
  slug: string;
  name: string;
  parent?: string;
  summary: string;
  summaryEs: string;
  /** Recipient or parent names exactly as federal data writes them (normalised on load). */
  aliases: string[];
};

export type DatasetSource = {
  key: string;
  kind: "usaspending_award" | "usaspending_download" | "news" | "ngo_report" | "gov_report" | "foia" | "company_statement" | "seed";
  title: string;
  publisher?: string;
  author?: string;
  publishedOn?: string;
  url?: string;
  licence?: string;
  reliability: "primary" | "secondary" | "advocacy";
  note?: string;
};

export type DatasetCitation = { source: string; role?: "supports" | "contradicts" | "context"; locator?: string };

export type DatasetFact = {
  key: string;
  company?: string;
  agency?: string;
  program?: string;
  headline: string;
  headlineEs: string;
  amount?: number;
  currency?: "USD" | "EUR";
  kind?: AmountKind;
  asOf?: string;
  eventDate?: string;
  precision?: "day" | "month" | "year";
  award?: string;
  status: FactStatus;
  /** The seed claim this fact checks (S0-8 …, shared/research/contract-facts.md §2). */
  claim?: string;
  claimed?: string;
  correction?: string;
  correctionEs?: string;
  weight?: number;
  cite: DatasetCitation[];
};

/** Awards bought through a reseller: the award key and whose product it was. */
export type DatasetResale = { award: string; product: string; note: string };
