// Prepares an embedded database for e2e/an-admin-reviews-campaigns.spec.ts before its
// app starts (PGlite takes one process at a time): migrated, seeded with the demo
// accounts, plus two campaigns submitted for review. Until the editor can submit one,
// this is how a submitted campaign exists. Run with DATA_DIR set:
//   DATA_DIR=/tmp/x/data npx tsx --conditions=react-server e2e/review-data.ts
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { campaigns, groups } from "@/db/schema";
import { seed } from "@/db/seed";
import { runCommand } from "@/scripts/run-command";

export const REVIEW_CAMPAIGNS = [
  { slug: "review-oracle-drop-ice", title: "Oracle: drop the ICE database contract", ask: "End the contract." },
  { slug: "review-duplicate-palantir", title: "Palantir: a duplicate campaign", ask: "Stop." },
] as const;

if (process.argv[1]?.endsWith("review-data.ts")) {
  void runCommand(
    "e2e:review-data",
    async () => {
      const db = await getDb();
      await seed(db);
      const [group] = await db.select().from(groups).where(eq(groups.slug, "cut-ties")).limit(1);
      await db
        .insert(campaigns)
        .values(REVIEW_CAMPAIGNS.map((c, i) => ({
          ...c, groupId: group.id, status: "submitted" as const, story: "Why this matters.",
          submittedAt: new Date(Date.now() - (REVIEW_CAMPAIGNS.length - i) * 60_000),
        })))
        .onConflictDoNothing();
      return "two campaigns submitted for review";
    },
    "Stop the app first.",
  );
}
