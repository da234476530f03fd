"use server";
// The admin's "refresh from the USAspending API" form.
import { z } from "zod";
import { getDb } from "@/db/client";
import { adminAction } from "@/lib/auth/guard";
import { ok } from "@/lib/errors";
import { runningBoss, QUEUES } from "@/lib/jobs/boss";
import { isSlugShaped } from "@/lib/campaigns/slug";
import { syncAllCompanies, syncCompany } from "./sync";

const schema = z.object({ company: z.string().refine((v) => v === "all" || isSlugShaped(v)) });

export type SyncOutcome =
  | { kind: "queued" }
  | { kind: "one"; created: number; updated: number }
  | { kind: "all"; ok: number; failed: number }
  | { kind: "failed"; message: string };

export const syncAction = adminAction(schema, async ({ company }, { user }) => {
  const slug = company === "all" ? undefined : company;
  // With the job queue running, the refresh runs there (it may take minutes for every company).
  const starting = runningBoss();
  const boss = starting ? await starting : undefined;
  if (boss) {
    await boss.send(QUEUES.factsSync, { slug, startedBy: user.id });
    return ok<SyncOutcome>({ kind: "queued" });
  }
  const db = await getDb();
  try {
    if (slug) {
      const report = await syncCompany(db, slug, { startedBy: user.id });
      return ok<SyncOutcome>({ kind: "one", created: report.awardsNew, updated: report.awardsUpdated });
    }
    const results = await syncAllCompanies(db, { startedBy: user.id });
    return ok<SyncOutcome>({ kind: "all", ok: results.filter((r) => r.report).length, failed: results.filter((r) => r.error).length });
  } catch (error) {
    return ok<SyncOutcome>({ kind: "failed", message: (error as Error).message });
  }
});
