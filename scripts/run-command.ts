// Shared wrapper for the maintenance commands: opens the database (migrating it),
// runs the task, closes it, and explains the embedded-mode lock if the app holds it.
import { closeDatabase, getDatabase } from "@/db/client";
import { DataDirInUseError } from "@/db/lock";
import { logError } from "@/lib/errors";

export async function runCommand(name: string, task: () => Promise<string>, whileAppRuns: string): Promise<void> {
  try {
    await getDatabase();
    console.log(`[${name}] ${await task()}`);
    await closeDatabase();
    process.exit(0);
  } catch (error) {
    if (error instanceof DataDirInUseError) {
      console.error(`[${name}] ${error.message}\n[${name}] ${whileAppRuns}`);
      process.exit(2);
    }
    logError(name, error);
    process.exit(1);
  }
}
