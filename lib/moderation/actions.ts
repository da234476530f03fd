"use server";
// The admin's server actions: each through adminAction (signed in, admin, zod-parsed),
// each change audit-logged by the domain function it calls.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import type { Result } from "@/lib/errors";
import { adminAction } from "@/lib/auth/guard";
import { adminPath } from "@/lib/auth/paths";
import { moveCampaign } from "./campaigns";
import { cancelInvalidation, createInvalidation, deleteInvalidation, startInvalidation } from "./invalidations";
import { updateLimits } from "./limits";
import { createInvalidationSchema, invalidationIdSchema, limitsSchema, moveSchema, signatureActionSchema } from "./schemas";
import { actOnSignature } from "./signatures";

/** After a change, the page the form is on shows it (the form's own state says what happened). */
function refreshed<T>(result: Result<T>): Result<T> {
  if (result.ok) refresh();
  return result;
}

export const moveCampaignAction = adminAction(moveSchema, async (input, { user }) =>
  refreshed(await moveCampaign({ campaignId: input.campaignId, move: input.move, reason: "reason" in input ? input.reason : undefined, actorUserId: user.id })),
);

export const signatureAction = adminAction(signatureActionSchema, async (input, { user }) =>
  refreshed(await actOnSignature(input.signatureId, input.action, user.id)),
);

export const createInvalidationAction = adminAction(
  createInvalidationSchema,
  async (input, { user }) => {
    const row = await createInvalidation(input, user.id);
    redirect(adminPath(input.locale, `/invalidations/${row.id}`));
  },
);

export const invalidationAction = adminAction(invalidationIdSchema, async (input, { user }) => {
  if (input.op === "start") return refreshed(await startInvalidation(input.invalidationId, user.id));
  if (input.op === "cancel") return refreshed(await cancelInvalidation(input.invalidationId, user.id));
  const deleted = await deleteInvalidation(input.invalidationId, user.id);
  if (!deleted.ok) return deleted;
  redirect(adminPath(input.locale, "/invalidations"));
});

export const updateLimitsAction = adminAction(limitsSchema, async (input, { user }) => refreshed(await updateLimits(input, user.id)));

