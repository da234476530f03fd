// Playwright's global teardown: stops what the global setup started (see global-state.ts).
import { stopE2e } from "./global-state";

export default async function globalTeardown(): Promise<void> {
  await stopE2e();
}
