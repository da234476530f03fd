"use server";
// The signers table's one action: remove a signer at their request.
import { redirect } from "next/navigation";
import { campaignAction } from "@/lib/auth/guard";
import { fail } from "@/lib/errors";
import { removeSigner } from "./mutations";
import { removeSignerSchema } from "./schemas";

export const removeSignerAction = campaignAction("signers.remove", removeSignerSchema, async (input, { user, campaign, group }) => {
  const outcome = await removeSigner({ campaignId: campaign.id, groupId: group.id, slug: campaign.slug }, input.signatureId, user.id);
  if (!outcome.removed) return fail("not_found");
  const back = new URL(input.back ?? "/", "http://x");
  back.searchParams.delete("remove");
  back.searchParams.set("removed", outcome.wasConfirmed ? "confirmed" : "other");
  redirect(`${back.pathname}${back.search}`);
});
