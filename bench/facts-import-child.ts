// The import under measurement (started by bench/facts-import.ts): opens the database
// (migrated and seeded before the clock starts), imports the file with the terminal
// progress bar, and prints one JSON line: time, rows/s and peak memory.
import fs from "node:fs";
import path from "node:path";
import { closeDatabase, getDatabase } from "@/db/client";
import { importUsaspendingFile } from "@/lib/facts/import";
import { progressBar } from "@/lib/facts/import/progress-bar";

async function main() {
  const file = process.argv[2];
  const database = await getDatabase();
  const started = process.hrtime.bigint();
  let writeStarted: bigint | null = null;
  const bar = progressBar("bench");
  const report = await importUsaspendingFile(
    database.db,
    { name: path.basename(file), open: () => fs.createReadStream(file), size: fs.statSync(file).size },
    {
      onProgress: (p) => {
        if (p.phase === "importing" && writeStarted === null) writeStarted = process.hrtime.bigint();
        bar(p);
      },
    },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // The first pass (checking) ends when the first batch is written: an approximation, one batch late.
  const checkSeconds = writeStarted === null ? null : Number((writeStarted as bigint) - started) / 1e9;
  // maxRSS is the process's peak resident memory in KB (Linux).
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  await closeDatabase();
  const { unmatched, rejected, ...summary } = report;
  console.log(JSON.stringify({ driver: database.driver, seconds, checkSeconds, rowsPerSecond: report.rowsImported / seconds, peakRssMb, report: { ...summary, unmatched: unmatched.slice(0, 3), rejected: rejected.slice(0, 3) } }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
