import "server-only";
// The import and sync runs the admin page lists (award_imports).
import { desc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { awardImports } from "@/db/schema";
import type { ImportReport } from "./import/report";

export type ImportRun = {
  id: string;
  kind: "file" | "api" | "dataset";
  label: string;
  status: "running" | "done" | "failed";
  startedAt: Date;
  finishedAt: Date | null;
  report: ImportReport | null;
  error: string | null;
};

const columns = {
  id: awardImports.id,
  kind: awardImports.kind,
  label: awardImports.label,
  status: awardImports.status,
  startedAt: awardImports.startedAt,
  finishedAt: awardImports.finishedAt,
  report: awardImports.report,
  error: awardImports.error,
};

export async function listImportRuns(limit = 20): Promise<ImportRun[]> {
  const db = await getDb();
  const rows = await db.select(columns).from(awardImports).orderBy(desc(awardImports.startedAt)).limit(limit);
  return rows as ImportRun[];
}

/** One run, or null for an unknown or malformed id. */
export async function getImportRun(id: string): Promise<ImportRun | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const db = await getDb();
  const [row] = await db.select(columns).from(awardImports).where(eq(awardImports.id, id));
  return (row as ImportRun | undefined) ?? null;
}
