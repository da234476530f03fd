"use server";
// The campaign editor's server actions, each built with the one guard (lib/auth/guard.ts):
// authenticate → parse → authorize by the role table and the group → the data layer.
// They answer forms that work without JavaScript: an error keeps what was typed
// (FormState), a success redirects to the campaign's overview saying what happened.
import { redirect } from "next/navigation";
import { campaignAction, groupAction, userAction } from "@/lib/auth/guard";
import { workspaceCampaignPath } from "@/lib/auth/paths";
import { ok } from "@/lib/errors";
import { renderMarkdown } from "@/lib/markdown";
import { createCampaign, transitionCampaign, updateCampaign } from "./mutations";
import { declareVictory } from "./victory";
import { applySafetyControl } from "./safety";
import { campaignIdSchema, companySlug, createCampaignSchema, previewSchema, safetySchema, updateCampaignSchema, winSchema } from "./schemas";
import { findSimilarLiveCampaigns, type SimilarCampaign } from "./workspace-queries";

type Typed = Record<string, string | string[]>;

/** What a campaign form gets back besides an error: a preview, or the similar campaigns to look at first. */
export type EditorResult =
  | { kind: "preview"; html: string; values: Typed }
  | { kind: "similar"; campaigns: SimilarCampaign[]; values: Typed };

export const createCampaignAction = groupAction("campaigns.write", createCampaignSchema, async (input, { user, group }) => {
  if (input.intent === "preview") return ok<EditorResult>({ kind: "preview", html: renderMarkdown(input.story), values: input.raw });
  // Before a new campaign: the live ones against the same companies, to join rather than duplicate.
  if (!input.similarSeen) {
    const similar = await findSimilarLiveCampaigns(input.companyIds, input.newCompany ? [companySlug(input.newCompany)] : []);
    if (similar.length) return ok<EditorResult>({ kind: "similar", campaigns: similar, values: input.raw });
  }
  const created = await createCampaign({ groupId: group.id, userId: user.id, input });
  if (!created.ok) return created;
  redirect(`${workspaceCampaignPath(input.locale, created.data.id)}?done=created`);
});

export const updateCampaignAction = campaignAction("campaigns.write", updateCampaignSchema, async (input, { user, campaign }) => {
  if (input.intent === "preview") return ok<EditorResult>({ kind: "preview", html: renderMarkdown(input.story), values: input.raw });
  const saved = await updateCampaign({ campaignId: campaign.id, groupId: campaign.group.id, userId: user.id, input });
  if (!saved.ok) return saved;
  redirect(`${workspaceCampaignPath(input.locale, campaign.id)}?done=saved`);
});

/** The live preview beside the story field (with JavaScript): the same renderer as the public page. */
export const previewStoryAction = userAction(previewSchema, async (input) => ok({ html: renderMarkdown(input.story) }));

// ---- state changes ------------------------------------------------------------------

export const submitCampaignAction = campaignAction("campaigns.write", campaignIdSchema, async (input, { user, campaign }) => {
  const done = await transitionCampaign({ campaignId: campaign.id, event: "submit", by: { actor: "organizer", groupId: campaign.group.id, userId: user.id } });
  if (!done.ok) return done;
  redirect(`${workspaceCampaignPath(input.locale, campaign.id)}?done=submit`);
});

export const closeCampaignAction = campaignAction("campaigns.manage", campaignIdSchema, async (input, { user, campaign }) => {
  const done = await transitionCampaign({ campaignId: campaign.id, event: "close", by: { actor: "organizer", groupId: campaign.group.id, userId: user.id } });
  if (!done.ok) return done;
  redirect(`${workspaceCampaignPath(input.locale, campaign.id)}?done=close`);
});

export const winCampaignAction = campaignAction("campaigns.manage", winSchema, async (input, { user, campaign }) => {
  const done = await declareVictory({
    campaignId: campaign.id, by: { actor: "organizer", groupId: campaign.group.id, userId: user.id },
    victoryNote: input.victoryNote, victoryNoteEs: input.victoryNoteEs,
  });
  if (!done.ok) return done;
  redirect(`${workspaceCampaignPath(input.locale, campaign.id)}?done=win`);
});

// ---- safety controls ------------------------------------------------------------------

export const safetyControlAction = campaignAction("campaigns.manage", safetySchema, async (input, { user, campaign }) => {
  const done = await applySafetyControl({ campaignId: campaign.id, groupId: campaign.group.id, userId: user.id }, input.control);
  if (!done.ok) return done;
  redirect(`${workspaceCampaignPath(input.locale, campaign.id)}?done=${input.control}`);
});
