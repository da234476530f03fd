// npm run db:seed — add the seed companies and campaigns that are missing (idempotent).
import { getDb } from "@/db/client";
import { seed } from "@/db/seed";
import { runCommand } from "./run-command";

void runCommand(
  "db:seed",
  async () => {
    await seed(await getDb());
    return "seed companies and campaigns are present";
  },
  "The running app seeded an empty database at start.",
);
