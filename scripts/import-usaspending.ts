// npm run import:usaspending -- FILE... — import USAspending contract downloads
// (Contracts_PrimeAwardSummaries_*.csv or Contracts_PrimeTransactions_*.csv), one
// transaction per file, and print each file's report.
import fs from "node:fs";
import path from "node:path";
import { getDb } from "@/db/client";
import { formatReport } from "@/lib/facts/import/report";
import { importUsaspendingFile, FileError } from "@/lib/facts/import";
import { progressBar } from "@/lib/facts/import/progress-bar";
import { runCommand } from "./run-command";

const files = process.argv.slice(2).filter((a) => a !== "--");
if (files.length === 0) {
  console.error("usage: npm run import:usaspending -- FILE.csv [FILE.csv ...]");
  process.exit(64);
}
for (const f of files) {
  if (!fs.existsSync(f) || !fs.statSync(f).isFile()) {
    console.error(`[import:usaspending] ${f}: no such file`);
    process.exit(66);
  }
}

void runCommand(
  "import:usaspending",
  async () => {
    const db = await getDb();
    const reports: string[] = [];
    for (const f of files) {
      const name = path.basename(f);
      try {
        const report = await importUsaspendingFile(
          db,
          { name, open: () => fs.createReadStream(f), size: fs.statSync(f).size },
          { onProgress: progressBar(name) },
        );
        reports.push(formatReport(report));
      } catch (error) {
        if (error instanceof FileError) throw new Error(`${name}: ${error.message}. Nothing from this file was imported.`);
        throw error;
      }
    }
    return reports.join("\n\n");
  },
  "Two processes must never open one embedded database. While the app runs, upload the file at /admin/facts/import, " +
    "or stop the app first (or run both on PostgreSQL with DATABASE_URL).",
);
