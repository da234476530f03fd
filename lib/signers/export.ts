import "server-only";
// The CSV of a campaign's confirmed signers, streamed at constant memory: rows are read
// in keyset batches (the same query shape on PGlite and PostgreSQL, and no transaction
// held open while a slow client downloads), each batch turned into CSV by csv-stringify
// and handed on before the next is read. csv-stringify's escape_formulas puts a quote
// before a cell starting with = + - @ tab or CR (and their full-width forms), so a
// spreadsheet shows the text instead of running it.
import { and, asc, eq, gt, or, sql } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import { getDb } from "@/db/client";
import { signatures } from "@/db/schema";
import { signersWhere, type SignersScope } from "./filter";
import type { SignerFilter } from "./schemas";

export const EXPORT_BATCH = 2000;

export const EXPORT_COLUMNS = [
  "full_name", "email", "postal_code", "signed_at", "confirmed_at", "opted_in_to_updates", "updates_consent_at",
  "language", "came_through", "comment",
] as const;

const at = (d: Date | null) => (d ? d.toISOString() : "");

export type ExportChunk = { text: string; rows: number };

type Batch = { rows: string[][]; last: { at: string; id: string } | null };

async function readBatch(scope: SignersScope, filter: SignerFilter, after: { at: string; id: string } | null): Promise<Batch> {
  const db = await getDb();
  const found = await db
    .select({
      id: signatures.id,
      // To the microsecond, so the next batch starts exactly after this one.
      exact: sql<string>`to_char(${signatures.validatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      fullName: signatures.fullName,
      email: signatures.email,
      postalCode: signatures.postalCode,
      createdAt: signatures.createdAt,
      validatedAt: signatures.validatedAt,
      updatesConsentAt: signatures.updatesConsentAt,
      locale: signatures.locale,
      referredBy: signatures.referredBy,
      comment: signatures.comment,
    })
    .from(signatures)
    .where(and(
      signersWhere(scope, { ...filter, status: "validated" }),
      after
        ? or(gt(signatures.validatedAt, sql`${after.at}::timestamptz`),
          and(eq(signatures.validatedAt, sql`${after.at}::timestamptz`), gt(signatures.id, after.id)))
        : undefined,
    ))
    .orderBy(asc(signatures.validatedAt), asc(signatures.id))
    .limit(EXPORT_BATCH);
  const tail = found[found.length - 1];
  return {
    rows: found.map((r) => [
      r.fullName, r.email, r.postalCode ?? "", at(r.createdAt), at(r.validatedAt),
      r.updatesConsentAt ? "yes" : "no", at(r.updatesConsentAt), r.locale, r.referredBy ? "shared link" : "direct",
      r.comment ?? "",
    ]),
    last: tail ? { at: tail.exact, id: tail.id } : null,
  };
}

/**
 * The export as CSV text chunks: the header (with a byte-order mark, so spreadsheet
 * programs read the accents right), then one chunk per batch, each with the rows sent so
 * far; returns the number of rows.
 */
export async function* exportConfirmedSigners(scope: SignersScope, filter: SignerFilter): AsyncGenerator<ExportChunk, number> {
  yield { text: stringify([EXPORT_COLUMNS as unknown as string[]], { bom: true }), rows: 0 };
  let after: Batch["last"] = null;
  let rows = 0;
  // The export holds confirmed signers only: a table filtered to another status exports none.
  if (filter.status && filter.status !== "validated") return rows;
  for (;;) {
    const batch = await readBatch(scope, filter, after);
    if (batch.rows.length === 0) return rows;
    rows += batch.rows.length;
    yield { text: stringify(batch.rows, { escape_formulas: true }), rows };
    if (batch.rows.length < EXPORT_BATCH) return rows;
    after = batch.last;
  }
}

export function exportFileName(slug: string, now = new Date()): string {
  return `${slug}-signers-${now.toISOString().slice(0, 10)}.csv`;
}
