// npm run counts:recount — rebuild every campaign's confirmed count from its signatures.
// The app also runs this every night (pg-boss schedule).
import { recountSignatures } from "@/lib/signatures/counts";
import { runCommand } from "./run-command";

void runCommand(
  "counts:recount",
  async () => {
    const drift = await recountSignatures();
    if (drift.length === 0) return "every count was already right";
    return drift.map((d) => `campaign ${d.campaignId}: ${d.before} -> ${d.after}`).join("\n");
  },
  "While the app runs it recounts every night at 03:47 by itself; stop it to recount now.",
);
