// How many app processes `npm start` runs: WEB_CONCURRENCY, or one per core, on
// PostgreSQL only. PGlite is one process's (two on one folder lose rows), and `--dev`
// is one process too.
import os from "node:os";

export class ClusterSizeError extends Error {}

export function clusterSize(environment = process.env, dev = false) {
  const raw = environment.WEB_CONCURRENCY || undefined;
  if (raw !== undefined && !/^\d+$/.test(raw)) throw new ClusterSizeError(`WEB_CONCURRENCY=${raw}: a whole number of processes (1 or more)`);
  if (dev || !environment.DATABASE_URL) return 1;
  const wanted = raw === undefined ? os.availableParallelism() : Number(raw);
  return Math.max(1, Math.min(wanted, 64));
}
