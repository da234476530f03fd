import "server-only";
// Saving the limits form: each limit as COUNT/SECONDS (empty: the env default), each
// list one entry a line. Invalid entries are named back to the admin; nothing is saved
// then. Audit detail holds which limits changed and the list sizes, not the entries.
import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { fail, ok, type FieldErrors, type Result } from "@/lib/errors";
import { listNames, parseList, type Lists } from "./lists";
import { forgetSigningRules, limitNames, saveModerationSettings, type LimitName, type LimitValue } from "./settings";

export type LimitsForm = Record<LimitName | keyof Lists, string>;

export async function updateLimits(form: LimitsForm, actorUserId: string): Promise<Result<null>> {
  const fieldErrors: FieldErrors = {};
  const limits: Partial<Record<LimitName, LimitValue | null>> = {};
  for (const name of limitNames) {
    const text = form[name].trim();
    if (!text) {
      limits[name] = null;
      continue;
    }
    const [max, seconds] = text.split("/").map(Number);
    if (!(max >= 1 && seconds >= 1 && seconds <= 86_400)) fieldErrors[name] = ["badLimit"];
    else limits[name] = { max, seconds };
  }
  const lists: Partial<Lists> = {};
  for (const name of listNames) {
    const { entries, invalid } = parseList(name, form[name]);
    if (invalid.length) fieldErrors[name] = [`badList:${invalid.slice(0, 5).join(", ")}`];
    else lists[name] = entries;
  }
  if (Object.keys(fieldErrors).length) return fail("invalid", fieldErrors);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await saveModerationSettings(tx, { limits, lists }, actorUserId);
    await recordAudit(
      {
        actorUserId,
        action: "limits.updated",
        detail: {
          limits: Object.fromEntries(Object.entries(limits).map(([k, v]) => [k, v ? `${v.max}/${v.seconds}` : "default"])),
          listSizes: Object.fromEntries(Object.entries(lists).map(([k, v]) => [k, v.length])),
        },
      },
      tx,
    );
  });
  forgetSigningRules();
  return ok(null);
}
