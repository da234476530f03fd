import "server-only";
// Declaring victory: the campaign becomes "won" with its note, and every confirmed signer
// who opted in gets the victory email (lib/updates: once per campaign, however often this
// is called). The email is queued after the state change has committed, never inside it.
import type { Result } from "@/lib/errors";
import { queueVictoryUpdate } from "@/lib/updates/mutations";
import { transitionCampaign, type TransitionRequest } from "./mutations";

type VictoryRequest = Omit<TransitionRequest, "event" | "reason"> & { victoryNote: string };

export async function declareVictory(request: VictoryRequest): Promise<Result<{ status: string; slug: string; recipients: number }>> {
  const done = await transitionCampaign({ ...request, event: "win" });
  if (!done.ok) return done;
  const victory = await queueVictoryUpdate(request.campaignId, request.by.userId);
  return { ok: true, data: { ...done.data, recipients: victory?.recipients ?? 0 } };
}
