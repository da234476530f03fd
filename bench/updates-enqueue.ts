// Child process of bench/updates.ts: starts one update's send (the INSERT … SELECT that
// queues a delivery and an outbox email per recipient) and prints its time and this
// process's peak memory as JSON. Run with the server-only shim, as `npm run worker` is.
export {};

async function main(): Promise<void> {
  const updateId = process.argv[2];
  const { getDatabase, closeDatabase } = await import("@/db/client");
  const { startSend } = await import("@/lib/updates/sending");
  await getDatabase();
  const rssBefore = process.memoryUsage().rss;
  let peakRss = rssBefore;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const queued = await startSend(updateId, null);
  const ms = performance.now() - t0;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  console.log(JSON.stringify({ queued, ms: Math.round(ms), rssBeforeMb: Math.round(rssBefore / 1048576), peakRssMb: Math.round(peakRss / 1048576), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
  await closeDatabase();
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
