// npm run signatures:purge — delete signatures left unconfirmed for 30 days, and old
// rate-limit windows. The app also runs this every night (pg-boss schedule).
import { getDb } from "@/db/client";
import { purgeRateLimits } from "@/lib/rate-limit";
import { purgeUnconfirmedSignatures } from "@/lib/signatures/mutations";
import { purgeExpiredDeletionRequests } from "@/lib/privacy/mutations";
import { runCommand } from "./run-command";

void runCommand(
  "signatures:purge",
  async () => {
    const signatures = await purgeUnconfirmedSignatures();
    const windows = await purgeRateLimits(await getDb());
    const requests = await purgeExpiredDeletionRequests();
    return `deleted ${signatures} unconfirmed signatures, ${windows} old rate-limit windows, ${requests} expired deletion requests`;
  },
  "While the app runs it purges every night at 03:17 by itself; stop it to purge now.",
);
