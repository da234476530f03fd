// pgbench: PostgreSQL's own single-row INSERT rate on the bench server, the ceiling
// of any route that writes.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DATABASE_URL, RAND, round1 } from "./settings";

export type PgbenchResult = { clients: number; seconds: number; tps: number; latencyMs: number | null; transactions: number | null };

/** Inserts into `pgbench_rows` (which the caller creates) of database `db`. */
export async function pgbench(clients: number, seconds: number, db: string): Promise<PgbenchResult> {
  const url = new URL(DATABASE_URL);
  const script = path.join(os.tmpdir(), `cut-ties-bench-${RAND}.sql`);
  fs.writeFileSync(script, "insert into pgbench_rows (payload) values ('bench');\n");
  const args = ["-n", "-h", url.hostname, "-p", url.port || "5432", "-U", decodeURIComponent(url.username || "postgres"),
    "-f", script, "-c", String(clients), "-j", String(Math.min(clients, 2)), "-T", String(seconds), db];
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn("pgbench", args, {
      env: { ...process.env, PGPASSWORD: decodeURIComponent(url.password) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let text = "";
    child.stdout.on("data", (d) => (text += d));
    child.stderr.on("data", (d) => (text += d));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(text) : reject(new Error(`pgbench failed (${code}):\n${text}`))));
  });
  fs.rmSync(script, { force: true });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1]);
  const latency = /latency average = ([\d.]+) ms/.exec(output)?.[1];
  const transactions = /number of transactions actually processed: (\d+)/.exec(output)?.[1];
  if (!Number.isFinite(tps)) throw new Error(`could not read pgbench's output:\n${output}`);
  return { clients, seconds, tps: round1(tps), latencyMs: latency ? Number(latency) : null, transactions: transactions ? Number(transactions) : null };
}
