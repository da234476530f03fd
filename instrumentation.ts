// Runs once when the server starts: open (migrate, seed) the database and start the
// background workers, so the first visitor does not wait and mail flows at once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // What Next.js logs of a thrown error (a failed query's parameters) is scrubbed too.
  (await import("./lib/errors")).scrubErrorLogs();
  const { startServer } = await import("./lib/server-start");
  await startServer();
}
