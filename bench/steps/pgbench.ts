// Step: pgbench's single-row INSERT rate (1 and 10 clients), nothing else running.
import type postgres from "postgres";
import type { Run } from "../context";
import { pgbench } from "../pgbench";
import { BARE_DB, PGBENCH_SECONDS, log } from "../settings";

export async function pgbenchStep(run: Run, bareDb: postgres.Sql): Promise<void> {
  await bareDb`create table pgbench_rows (id bigserial primary key, payload text not null, created_at timestamptz not null default now())`;
  for (const clients of [1, 10]) {
    log(`pgbench: single-row INSERT, ${clients} client(s), ${PGBENCH_SECONDS} s…`);
    const r = await pgbench(clients, PGBENCH_SECONDS, BARE_DB);
    run.pgbench.push(r);
    log(`pgbench -c ${clients}: ${r.tps} TPS, average latency ${r.latencyMs} ms`);
  }
}
