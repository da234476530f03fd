// Importing a USAspending contracts download (Prime Award Summaries or Prime Transactions).
// Two passes over the file: the first checks it (scan.ts) without touching the database,
// the second writes it in ONE transaction — a file that turns out bad half-way changes
// nothing. The file must be local (the upload page saves the upload first): the
// transaction must never wait on a network. On PGlite the transaction holds the only
// connection, so the site's other queries wait until the import ends (README).
import type { Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import { awardImports, sources } from "@/db/schema";
import type { Db, DbOrTx } from "@/db/types";
import { loadResolver } from "../resolve";
import { readCsv, FileError } from "./csv";
import { parseRow, RowError, type ParsedRow } from "./layout";
import { ReportBuilder, type ImportReport } from "./report";
import { scanFile } from "./scan";
import { writeRows, type WriteContext } from "./write";

export { FileError } from "./csv";
export type { ImportReport } from "./report";

export type ImportProgress = { phase: "checking" | "importing"; bytes: number; totalBytes: number | null; rows: number; totalRows: number | null };

export type ImportFile = { name: string; open: () => Readable; size?: number };

export type ImportOptions = {
  startedBy?: string | null;
  kind?: "file" | "dataset";
  onProgress?: (p: ImportProgress) => void;
  batchSize?: number;
  /** Called with the id of the run's row in award_imports, before any work. */
  onStarted?: (runId: string) => void;
  /** The as-of date of rows that carry none (a test's fixed day). */
  today?: string;
};

export async function importUsaspendingFile(db: Db, file: ImportFile, options: ImportOptions = {}): Promise<ImportReport> {
  const started = Date.now();
  const totalBytes = file.size ?? null;
  const progress = options.onProgress;
  // Every attempt is recorded, a refused file too (the admin page lists them).
  const [run] = await db
    .insert(awardImports)
    .values({ kind: options.kind ?? "file", label: file.name.slice(0, 200), startedBy: options.startedBy ?? null })
    .returning({ id: awardImports.id });
  options.onStarted?.(run.id);
  try {
    const scan = await scanFile(file.open(), (bytes, rows) => progress?.({ phase: "checking", bytes, totalBytes, rows, totalRows: null }));
    const report = await db.transaction((tx) => writeFile(tx, file, scan, options, started));
    await db.update(awardImports).set({ status: "done", finishedAt: new Date(), report }).where(eq(awardImports.id, run.id));
    return report;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await db.update(awardImports).set({ status: "failed", finishedAt: new Date(), error: message.slice(0, 2000) }).where(eq(awardImports.id, run.id));
    throw error;
  }
}

async function writeFile(
  tx: DbOrTx,
  file: ImportFile,
  scan: Awaited<ReturnType<typeof scanFile>>,
  options: ImportOptions,
  started: number,
): Promise<ImportReport> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const [source] = await tx
    .insert(sources)
    .values({
      key: `usas-file:${scan.sha256.slice(0, 20)}`,
      kind: "usaspending_download",
      title: `USAspending download: ${file.name.slice(0, 200)}`,
      publisher: "USAspending.gov",
      url: "https://www.usaspending.gov/download_center/custom_award_data",
      licence: "U.S. federal government data, public domain",
      reliability: "primary",
      accessedOn: today,
    })
    .onConflictDoUpdate({ target: sources.key, set: { key: sql`excluded.key` } })
    .returning({ id: sources.id });
  const report = new ReportBuilder();
  const ctx: WriteContext = {
    tx,
    resolve: await loadResolver(tx),
    sourceId: source.id,
    agencyIds: new Map(),
    onUnmatched: (award) => report.unmatched(award),
  };
  const batchSize = options.batchSize ?? 500;
  let batch: ParsedRow[] = [];
  let bytes = 0;
  let header = true;
  for await (const { fields, line } of readCsv(file.open(), (chunk) => (bytes += chunk.length))) {
    if (header) {
      header = false;
      if (fields.length !== scan.columns.width) throw new FileError("the file changed while it was imported", line);
      continue;
    }
    report.rowsRead++;
    try {
      batch.push(parseRow(fields, scan.columns, scan.dateOrder, today));
      report.rowsImported++;
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      report.reject(line, error.message);
    }
    if (batch.length >= batchSize) {
      await writeRows(ctx, batch);
      batch = [];
      options.onProgress?.({ phase: "importing", bytes, totalBytes: scan.bytes, rows: report.rowsRead, totalRows: scan.rows });
    }
  }
  if (batch.length) await writeRows(ctx, batch);
  options.onProgress?.({ phase: "importing", bytes: scan.bytes, totalBytes: scan.bytes, rows: report.rowsRead, totalRows: scan.rows });
  const counts = await countChanges(tx);
  return report.build({
    source: file.name,
    layout: scan.columns.layout,
    ...counts,
    dateOrder: scan.dateOrder,
    dateOrderAssumed: scan.dateOrderAssumed,
    seconds: (Date.now() - started) / 1000,
  });
}

/** Awards this transaction created or changed (now() is the transaction's start: see the awards schema). */
export async function countChanges(tx: DbOrTx): Promise<{ awardsNew: number; awardsUpdated: number }> {
  const result = (await tx.execute(
    sql`select (count(*) filter (where first_seen_at = now()))::int as created,
               (count(*) filter (where first_seen_at <> now()))::int as changed
        from awards where updated_at = now()`,
  )) as unknown;
  // postgres.js answers an array, PGlite { rows } (db/client.ts queryRows; not imported: the dataset loader runs inside it).
  const [row] = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { created: number; changed: number }[];
  return { awardsNew: Number(row.created), awardsUpdated: Number(row.changed) };
}
