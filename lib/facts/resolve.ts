// Which company a federal record belongs to: only through company_aliases, in this order —
// the recipient's UEI or DUNS, the recipient's name, the parent's UEI or DUNS, the parent's
// name. Names are compared whole after normaliseName; nothing is matched by substring.
import { companyAliases } from "@/db/schema";
import type { DbOrTx } from "@/db/types";
import { normaliseName } from "./names";

export type RecipientNames = {
  recipientName: string;
  recipientParentName: string | null;
  recipientUei?: string | null;
  recipientParentUei?: string | null;
  recipientDuns?: string | null;
  recipientParentDuns?: string | null;
};

export type Resolver = (record: RecipientNames) => string | null;

export function makeResolver(aliases: { kind: "name" | "uei" | "duns"; alias: string; companyId: string }[]): Resolver {
  const byKind = { name: new Map<string, string>(), uei: new Map<string, string>(), duns: new Map<string, string>() };
  for (const a of aliases) byKind[a.kind].set(a.kind === "name" ? normaliseName(a.alias) : a.alias.trim().toUpperCase(), a.companyId);
  const id = (kind: "uei" | "duns", value: string | null | undefined) => (value ? byKind[kind].get(value.trim().toUpperCase()) : undefined);
  const name = (value: string | null | undefined) => (value ? byKind.name.get(normaliseName(value)) : undefined);
  return (r) =>
    id("uei", r.recipientUei) ??
    id("duns", r.recipientDuns) ??
    name(r.recipientName) ??
    id("uei", r.recipientParentUei) ??
    id("duns", r.recipientParentDuns) ??
    name(r.recipientParentName) ??
    null;
}

export async function loadResolver(db: DbOrTx): Promise<Resolver> {
  const rows = await db.select({ kind: companyAliases.kind, alias: companyAliases.alias, companyId: companyAliases.companyId }).from(companyAliases);
  return makeResolver(rows);
}
