// Bench step: importing a generated 200,000-row USAspending award-summaries file.
//
//   npm run bench:facts-import                       (PGlite, in a temporary folder)
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:facts-import
//                                                    (a scratch database, dropped after)
//   BENCH_FACTS_ROWS=50000 … for a shorter run. `npm run bench` runs it last (BENCH_FACTS=off skips it).
//
// The rows are the real rows of db/facts/usaspending/ice-mn-prime-award-summaries-2025.csv,
// all 286 columns, each copy with its own award key, PIID and amounts, so the file has the
// size and shape of a real download (~2 KB a row). The import runs in a child process
// (bench/facts-import-child.ts) whose peak memory (max RSS) is the figure: flat memory
// means it does not grow with the file.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { once } from "node:events";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import postgres from "postgres";

const ROOT = path.resolve(import.meta.dirname, "..");
const SAMPLE = path.join(ROOT, "db/facts/usaspending/ice-mn-prime-award-summaries-2025.csv");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");

export type FactsImportResult = {
  rows: number;
  fileMb: number;
  seconds: number;
  /** Of which the first pass (checking the file), roughly. */
  checkSeconds: number | null;
  rowsPerSecond: number;
  peakRssMb: number;
  driver: string;
  report: unknown;
};

/** Writes the file by streaming, so the generator itself stays small. */
export async function generateAwardSummaries(file: string, rows: number): Promise<void> {
  const records = parse(fs.readFileSync(SAMPLE), { bom: true }) as string[][];
  const [header, ...samples] = records;
  const col = (name: string) => header.indexOf(name);
  const key = col("contract_award_unique_key");
  const piid = col("award_id_piid");
  const obligated = col("total_obligated_amount");
  const permalink = col("usaspending_permalink");
  const out = fs.createWriteStream(file);
  out.write(stringify([header]));
  for (let i = 0; i < rows; i++) {
    const row = [...samples[i % samples.length]];
    const id = `BENCH${String(i).padStart(9, "0")}`;
    row[piid] = id;
    row[key] = `CONT_AWD_${id}_7012_-NONE-_-NONE-`;
    row[permalink] = `https://www.usaspending.gov/award/${row[key]}/`;
    row[obligated] = ((i * 7919) % 10_000_000 / 100 + 1).toFixed(2);
    if (!out.write(stringify([row]))) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

export async function runFactsImportBench(options: { databaseUrl?: string; rows?: number; log?: (s: string) => void } = {}): Promise<FactsImportResult> {
  const log = options.log ?? ((s: string) => console.log(`[bench facts-import] ${s}`));
  const rows = options.rows ?? Number(process.env.BENCH_FACTS_ROWS ?? 200_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cut-ties-facts-bench-"));
  const file = path.join(dir, "Contracts_PrimeAwardSummaries_bench.csv");
  let dropDatabase = async () => {};
  try {
    const t0 = Date.now();
    await generateAwardSummaries(file, rows);
    const fileMb = fs.statSync(file).size / 1024 / 1024;
    log(`generated ${rows} rows, ${fileMb.toFixed(0)} MB, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const env: NodeJS.ProcessEnv = { ...process.env, JOBS: "off", MAIL_CAPTURE: "on", NODE_ENV: "production" };
    if (options.databaseUrl) {
      const name = `cut_ties_facts_bench_${crypto.randomBytes(4).toString("hex")}`;
      const admin = postgres(options.databaseUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      await admin.end();
      const url = new URL(options.databaseUrl);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      dropDatabase = async () => {
        const a = postgres(options.databaseUrl!, { max: 1, onnotice: () => {} });
        await a.unsafe(`drop database if exists ${name} with (force)`);
        await a.end();
      };
    } else {
      delete env.DATABASE_URL;
      env.DATA_DIR = path.join(dir, "data");
    }
    const child = spawnSync(process.execPath, [TSX, "--conditions=react-server", path.join(ROOT, "bench/facts-import-child.ts"), file], {
      cwd: ROOT,
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 16 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`the import process failed (exit ${child.status})`);
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Omit<FactsImportResult, "fileMb" | "rows">;
    const out = { ...result, rows, fileMb: Number(fileMb.toFixed(1)) };
    log(
      `${out.driver}: ${rows} rows in ${out.seconds.toFixed(1)} s (checking ~${out.checkSeconds?.toFixed(1) ?? "?"} s) = ${Math.round(out.rowsPerSecond)} rows/s; ` +
        `peak memory (max RSS) ${out.peakRssMb} MB; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`,
    );
    return out;
  } finally {
    await dropDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  runFactsImportBench({ databaseUrl: process.env.DATABASE_URL }).then(
    (r) => console.log(JSON.stringify(r)),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
