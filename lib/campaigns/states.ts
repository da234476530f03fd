// A campaign's life, in one table: which event moves it from which state to which,
// who may cause it, and what it needs (a reason, a victory note). Organizer actions,
// the admin's moderation and the deadline job all ask this table; nothing else
// decides whether a transition is allowed.
//
//   draft ──submit──▶ submitted ──approve──▶ live ──close/expire──▶ closed ──win──▶ won
//     ▲                  │  │                   │ └──────────win──────────────────▶ won
//     └──────edit────────┘  └─reject─▶ rejected │
//     └──────edit───────────────────────┘       └──take_down (also from closed, won)──▶ taken_down
//                                      live | closed | won ◀──restore (the state it was taken down from)──┘
import type { Campaign } from "@/db/schema";

export type CampaignStatus = Campaign["status"];

export const campaignEvents = [
  "submit", // an organizer asks for review
  "edit", // an organizer saves a submitted or rejected campaign: back to draft, to be submitted again
  "approve", // an admin publishes it
  "reject", // an admin sends it back, with a reason
  "close", // an organizer stops it collecting
  "expire", // its end date passed (the deadline job)
  "win", // the company gave in: a victory note
  "take_down", // an admin removes a public campaign, with a reason code
  "restore", // an admin puts a taken-down campaign back (a mistake, an appeal), with a note
] as const;
export type CampaignEvent = (typeof campaignEvents)[number];

export type Actor = "organizer" | "admin" | "system";

// "previous": back to the state the campaign had before (the take-down's audit entry says which).
type Rule = { from: readonly CampaignStatus[]; to: CampaignStatus | "previous"; by: Actor; needs?: "reason" | "victoryNote" };

export const transitions: Record<CampaignEvent, Rule> = {
  submit: { from: ["draft"], to: "submitted", by: "organizer" },
  edit: { from: ["submitted", "rejected"], to: "draft", by: "organizer" },
  approve: { from: ["submitted"], to: "live", by: "admin" },
  reject: { from: ["submitted"], to: "rejected", by: "admin", needs: "reason" },
  close: { from: ["live"], to: "closed", by: "organizer" },
  expire: { from: ["live"], to: "closed", by: "system" },
  // A company may give in after the campaign closed: a closed campaign can still be won.
  win: { from: ["live", "closed"], to: "won", by: "organizer", needs: "victoryNote" },
  // Whatever the public can see, an admin can take down.
  take_down: { from: ["live", "closed", "won"], to: "taken_down", by: "admin", needs: "reason" },
  // Undoing a take-down puts back exactly what was public: signatures were never touched.
  restore: { from: ["taken_down"], to: "previous", by: "admin", needs: "reason" },
};

/**
 * The state an event leads to from `from`, or null when the table refuses it. For an
 * event that goes back ("previous"), `previous` is the state before, and only a state
 * the campaign could have left that way is accepted.
 */
export function nextStatus(from: CampaignStatus, event: CampaignEvent, previous?: CampaignStatus | null): CampaignStatus | null {
  const rule = transitions[event];
  if (!rule.from.includes(from)) return null;
  if (rule.to !== "previous") return rule.to;
  return previous && transitions.take_down.from.includes(previous) ? previous : null;
}

export function canTransition(from: CampaignStatus, event: CampaignEvent, actor?: Actor): boolean {
  if (!transitions[event].from.includes(from)) return false;
  return actor === undefined || transitions[event].by === actor;
}

/** The events an actor may cause from a state, in the table's order (for "what to do next"). */
export function eventsFrom(from: CampaignStatus, actor: Actor): CampaignEvent[] {
  return campaignEvents.filter((event) => canTransition(from, event, actor));
}

// ---- editing -------------------------------------------------------------------------

/** Fields of the campaign form. */
export type EditableField =
  | "title" | "slug" | "kind" | "targets" | "ask" | "story" | "goal" | "endsAt"
  | "titleEs" | "askEs" | "storyEs" | "shareText" | "shareTextEs" | "imageUrl" | "imageAlt";

// Once people have signed, what they signed stays as it was: its address (slug: shared
// links and printed QR codes point at it), its kind, its targets and its ask, in both
// languages. The rest (title, story, translations of them, goal, end date, share text,
// image) can still be corrected, and goes public as soon as it is saved.
const SIGNED_TERMS: readonly EditableField[] = ["slug", "kind", "targets", "ask", "askEs"];

/** Whether a field may be changed in a state: everything before publication, only text after, nothing once taken down. */
export function canEditField(status: CampaignStatus, field: EditableField): boolean {
  if (status === "taken_down") return false;
  if (status === "draft" || status === "submitted" || status === "rejected") return true;
  return !SIGNED_TERMS.includes(field);
}

/** Whether the campaign can be edited at all in this state. */
export const isEditable = (status: CampaignStatus) => status !== "taken_down";

/** Saving a submitted or rejected campaign takes it back to draft (it is reviewed again). */
export function statusAfterEdit(status: CampaignStatus): CampaignStatus {
  return nextStatus(status, "edit") ?? status;
}

// ---- what the public sees -----------------------------------------------------------

/** States with a public page: the rest answer 404 to everyone but the group. */
export const PUBLIC_STATUSES: readonly CampaignStatus[] = ["live", "closed", "won"];

/**
 * The state the public sees: a live campaign whose end date has passed is closed, even
 * before the deadline job has written it, so the deadline holds without the job.
 */
export function effectiveStatus(status: CampaignStatus, endsAt: Date | null, now = new Date()): CampaignStatus {
  return status === "live" && endsAt !== null && endsAt.getTime() <= now.getTime() ? "closed" : status;
}

// ---- safety controls ---------------------------------------------------------------

/** Personal data can be purged only once nobody can sign any more. */
export const canPurge = (status: CampaignStatus) => status === "closed" || status === "won";
