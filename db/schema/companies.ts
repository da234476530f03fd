// Companies that campaigns target, and the names they go by in federal data. A
// subsidiary points at its parent (West Publishing → Thomson Reuters); totals roll up
// one level, through parent_id only. Awards resolve to a company only through
// company_aliases (exact, normalised names or ids), never by substring.
import { boolean, index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";

export const companies = pgTable(
  "companies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => companies.id, { onDelete: "set null" }),
    // One line on what the company sells the agencies; Spanish falls back to English.
    summary: text("summary"),
    summaryEs: text("summary_es"),
    website: text("website"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("companies_parent_idx").on(t.parentId)],
);

// name: a recipient or parent name as written in USAspending, stored normalised
// (lib/facts/names.ts normaliseName); uei/duns: identifiers, stored as written.
export const companyAliasKind = pgEnum("company_alias_kind", ["name", "uei", "duns"]);

export const companyAliases = pgTable(
  "company_aliases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    companyId: uuid("company_id").notNull().references(() => companies.id, { onDelete: "cascade" }),
    kind: companyAliasKind("kind").notNull().default("name"),
    alias: text("alias").notNull(),
    // Whether the API sync sends this name as recipient search text (names only).
    searchable: boolean("searchable").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("company_aliases_kind_alias_idx").on(t.kind, t.alias), index("company_aliases_company_idx").on(t.companyId)],
);

export type Company = typeof companies.$inferSelect;
export type CompanyAlias = typeof companyAliases.$inferSelect;
