"use server";
// The organizer's forms on updates, each through the guard with its permission:
// writing and test sends need updates.write; sending, scheduling, pausing and
// cancelling need updates.send; letting a send past the weekly limit is for admins.
import { redirect } from "next/navigation";
import { z } from "zod";
import { adminAction, campaignAction } from "@/lib/auth/guard";
import { workspaceCampaignPath } from "@/lib/auth/paths";
import { fail, ok } from "@/lib/errors";
import { isLocale, type Locale } from "@/lib/i18n";
import { overrideWeeklyLimit, saveUpdate, scheduleUpdate, sendTestToSelf, sendUpdateNow } from "./mutations";
import { parseLocalDateTime, updateContentSchema, updateControlSchema } from "./schemas";
import { cancelUpdate, pauseUpdate, resumeUpdate } from "./sending";
import { findUpdate } from "./queries";

const localeField = z.string().optional().transform((v): Locale => (isLocale(v) ? v : "en"));
const updatePath = (locale: Locale, campaignId: string, updateId: string, query = "") =>
  workspaceCampaignPath(locale, campaignId, `/updates/${updateId}${query}`);

export const saveUpdateAction = campaignAction("updates.write", updateContentSchema.extend({ locale: localeField }), async (input, { user, campaign, group }) => {
  const id = await saveUpdate({ id: campaign.id, groupId: group.id }, input.updateId, input, user.id);
  if (!id) return fail("conflict", { _form: ["notEditable"] });
  redirect(updatePath(input.locale, campaign.id, id, "?saved=1"));
});

const onUpdate = z.object({ campaignId: z.uuid(), updateId: z.uuid(), locale: localeField });

export const testSendAction = campaignAction("updates.write", onUpdate, async (input, { user, campaign }) => {
  if (!(await sendTestToSelf(campaign.id, input.updateId, user.email))) return fail("not_found");
  return ok({ sentTo: user.email });
});

export const sendNowAction = campaignAction("updates.send", onUpdate, async (input, { user, campaign, group }) => {
  const result = await sendUpdateNow({ id: campaign.id, groupId: group.id }, input.updateId, user.id);
  if (result === "limit") return fail("conflict", { _form: ["weeklyLimit"] });
  if (result === "gone") return fail("conflict", { _form: ["notEditable"] });
  redirect(updatePath(input.locale, campaign.id, input.updateId));
});

export const scheduleAction = campaignAction(
  "updates.send",
  onUpdate.extend({ scheduledAt: z.string().max(40), tzOffset: z.coerce.number().int().min(-900).max(900).default(0) }),
  async (input, { user, campaign, group }) => {
    const at = parseLocalDateTime(input.scheduledAt, input.tzOffset);
    if (!at || at.getTime() < Date.now() - 60_000 || at.getTime() > Date.now() + 366 * 86_400_000) {
      return fail("invalid", { scheduledAt: ["scheduleInvalid"] });
    }
    if (!(await scheduleUpdate({ id: campaign.id, groupId: group.id }, input.updateId, at, user.id))) return fail("conflict", { _form: ["notEditable"] });
    redirect(updatePath(input.locale, campaign.id, input.updateId));
  },
);

export const controlAction = campaignAction("updates.send", updateControlSchema.extend({ locale: localeField }), async (input, { campaign }) => {
  // The update must be this campaign's: the guard resolved the campaign, this the update within it.
  if (!(await findUpdate(campaign.id, input.updateId))) return fail("not_found");
  const done =
    input.control === "pause" ? await pauseUpdate(input.updateId)
    : input.control === "resume" ? await resumeUpdate(input.updateId)
    : input.control === "cancel" ? await cancelUpdate(input.updateId)
    : false;
  if (!done) return fail("conflict", { _form: ["notEditable"] });
  redirect(updatePath(input.locale, campaign.id, input.updateId));
});

export const overrideLimitAction = adminAction(onUpdate, async (input, { user }) => {
  if (!(await overrideWeeklyLimit(input.campaignId, input.updateId, user.id))) return fail("conflict", { _form: ["notEditable"] });
  redirect(updatePath(input.locale, input.campaignId, input.updateId));
});
