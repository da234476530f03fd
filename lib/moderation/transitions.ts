// The campaign state changes an admin makes, as names for the admin pages. Which state
// each may start from and leads to is lib/campaigns/states.ts's one table.
import { canTransition, nextStatus, type CampaignEvent, type CampaignStatus } from "@/lib/campaigns/states";

export type { CampaignStatus };
export type ModerationMove = "approve" | "reject" | "takedown" | "restore";

const event: Record<ModerationMove, CampaignEvent> = { approve: "approve", reject: "reject", takedown: "take_down", restore: "restore" };

/** Where each move leads; restore has no fixed target (see restoredStatus). */
export const moveTarget: Record<Exclude<ModerationMove, "restore">, CampaignStatus> = {
  approve: nextStatus("submitted", "approve")!,
  reject: nextStatus("submitted", "reject")!,
  takedown: nextStatus("live", "take_down")!,
};

export function canMove(status: CampaignStatus, move: ModerationMove): boolean {
  return canTransition(status, event[move], "admin");
}

/** The state a restore leads back to, given the state the take-down started from (null: refused). */
export function restoredStatus(status: CampaignStatus, before: CampaignStatus | null): CampaignStatus | null {
  return nextStatus(status, "restore", before);
}

/** Why an admin takes a campaign down (e-petitions' reason codes, reduced). */
export const takedownReasons = ["duplicate", "irrelevant", "offensive", "false_or_defamatory", "personal_data", "spam", "other"] as const;
export type TakedownReason = (typeof takedownReasons)[number];
