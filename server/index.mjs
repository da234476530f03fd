#!/usr/bin/env node
// The app's production server, what `npm start` runs after building. On PostgreSQL it
// uses every core: Node's cluster module forks WEB_CONCURRENCY copies of the app server
// (server/app-server.mjs) that share the port (server/cluster.mjs). In embedded mode
// (PGlite) it stays one process: only one process may open the data folder.
import cluster from "node:cluster";
import { ClusterSizeError, clusterSize } from "./cluster-size.mjs";

let size;
try {
  size = clusterSize(process.env, process.argv.includes("--dev"));
} catch (error) {
  if (!(error instanceof ClusterSizeError)) throw error;
  console.error(`\n[cut-ties] cannot start.\n${error.message}\n`);
  process.exit(2);
}
if (cluster.isPrimary && size > 1) {
  const { runPrimary } = await import("./cluster.mjs");
  runPrimary(size);
} else {
  await import("./app-server.mjs");
}
