// Stops what the global setup started (SIGTERM, then SIGKILL after a grace period)
// and removes the temp folder, unless E2E_KEEP=1 (to read the server logs).
import fs from "node:fs";
import type { E2eState } from "./global-setup";

const holder = globalThis as unknown as { __cutTiesE2e?: E2eState };

export default async function globalTeardown(): Promise<void> {
  const state = holder.__cutTiesE2e;
  if (!state) return;
  holder.__cutTiesE2e = undefined;
  // The app first: it may still be handing email to the stand-in.
  for (const server of [...state.servers].reverse()) await server.stop();
  if (process.env.E2E_KEEP === "1") console.log(`[e2e] kept ${state.tempDir}`);
  else fs.rmSync(state.tempDir, { recursive: true, force: true });
}
