"use server";
// The admin's server actions: each through adminAction (signed in, admin, zod-parsed),
// each change audit-logged by the domain function it calls.
import { redirect } from "next/navigation";
import { adminAction } from "@/lib/auth/guard";
import { adminPath } from "@/lib/auth/paths";
import { moveCampaign } from "./campaigns";
import { cancelInvalidation, createInvalidation, deleteInvalidation, startInvalidation } from "./invalidations";
import { updateLimits } from "./limits";
import { createInvalidationSchema, invalidationIdSchema, limitsSchema, moveSchema, signatureActionSchema } from "./schemas";
import { actOnSignature } from "./signatures";

export const moveCampaignAction = adminAction(moveSchema, async (input, { user }) =>
  moveCampaign({ campaignId: input.campaignId, move: input.move, reason: "reason" in input ? input.reason : undefined, actorUserId: user.id }),
);

export const signatureAction = adminAction(signatureActionSchema, async (input, { user }) =>
  actOnSignature(input.signatureId, input.action, user.id),
);

export const createInvalidationAction = adminAction(
  createInvalidationSchema,
  async (input, { user }) => {
    const row = await createInvalidation(input, user.id);
    redirect(adminPath(input.locale, `/invalidations/${row.id}`));
  },
);

export const invalidationAction = adminAction(invalidationIdSchema, async (input, { user }) => {
  if (input.op === "start") return startInvalidation(input.invalidationId, user.id);
  if (input.op === "cancel") return cancelInvalidation(input.invalidationId, user.id);
  const deleted = await deleteInvalidation(input.invalidationId, user.id);
  if (!deleted.ok) return deleted;
  redirect(adminPath(input.locale, "/invalidations"));
});

export const updateLimitsAction = adminAction(limitsSchema, async (input, { user }) => updateLimits(input, user.id));

