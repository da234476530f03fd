// The campaign state changes an admin makes, kept minimal until the editor's
// lib/campaigns/states.ts (the whole transition table) lands; the lead reconciles.
import type { Campaign } from "@/db/schema";

export type CampaignStatus = Campaign["status"];
export type ModerationMove = "approve" | "reject" | "takedown";

const from: Record<ModerationMove, readonly CampaignStatus[]> = {
  approve: ["submitted"],
  reject: ["submitted"],
  takedown: ["live"],
};
export const moveTarget: Record<ModerationMove, CampaignStatus> = { approve: "live", reject: "rejected", takedown: "taken_down" };

export function canMove(status: CampaignStatus, move: ModerationMove): boolean {
  return from[move].includes(status);
}

/** Why an admin takes a live campaign down (e-petitions' reason codes, reduced). */
export const takedownReasons = ["duplicate", "irrelevant", "offensive", "false_or_defamatory", "personal_data", "spam", "other"] as const;
export type TakedownReason = (typeof takedownReasons)[number];
