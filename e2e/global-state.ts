// What the global setup started, and how to stop it: shared by the setup (which stops
// what did start when it fails half-way) and the teardown. Playwright runs both in its
// main process, so a global holds the state between them.
import fs from "node:fs";
import type { Server } from "./servers";

export type E2eState = { tempDir: string; servers: Server[] };

const holder = globalThis as unknown as { __cutTiesE2e?: E2eState };

export function setE2eState(state: E2eState): void {
  holder.__cutTiesE2e = state;
}

/**
 * Stops what the setup started (SIGTERM, then SIGKILL after a grace period) and removes
 * the temp folder, unless E2E_KEEP=1 (to read the server logs). Runs once.
 */
export async function stopE2e(): Promise<void> {
  const state = holder.__cutTiesE2e;
  if (!state) return;
  holder.__cutTiesE2e = undefined;
  // The app first: it may still be handing email to the stand-in.
  for (const server of [...state.servers].reverse()) await server.stop();
  if (process.env.E2E_KEEP === "1") console.log(`[e2e] kept ${state.tempDir}`);
  else fs.rmSync(state.tempDir, { recursive: true, force: true });
}
