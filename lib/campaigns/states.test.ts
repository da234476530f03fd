import { describe, expect, it } from "vitest";
import { campaignStatus } from "@/db/schema";
import {
  campaignEvents, canEditField, canPurge, canTransition, effectiveStatus, eventsFrom, nextStatus, statusAfterEdit,
  type CampaignEvent, type CampaignStatus,
} from "./states";

// Written out by hand, apart from the table in states.ts: every pair not listed here is refused.
const allowed: [CampaignStatus, CampaignEvent, CampaignStatus][] = [
  ["draft", "submit", "submitted"],
  ["submitted", "edit", "draft"],
  ["rejected", "edit", "draft"],
  ["submitted", "approve", "live"],
  ["submitted", "reject", "rejected"],
  ["live", "close", "closed"],
  ["live", "expire", "closed"],
  ["live", "win", "won"],
  ["closed", "win", "won"],
  ["live", "take_down", "taken_down"],
  ["closed", "take_down", "taken_down"],
  ["won", "take_down", "taken_down"],
  ["taken_down", "restore", "live"], // the loop below says it was live before
];

const statuses = campaignStatus.enumValues;

describe("campaign states", () => {
  for (const from of statuses) {
    for (const event of campaignEvents) {
      const expected = allowed.find(([f, e]) => f === from && e === event)?.[2] ?? null;
      it(`${from} --${event}--> ${expected ?? "refused"}`, () => {
        expect(nextStatus(from, event, "live")).toBe(expected);
        expect(canTransition(from, event)).toBe(expected !== null);
      });
    }
  }

  it("restores a taken-down campaign to the public state it had, and to nothing else", () => {
    expect(nextStatus("taken_down", "restore", "closed")).toBe("closed");
    expect(nextStatus("taken_down", "restore", "won")).toBe("won");
    for (const previous of ["draft", "submitted", "rejected", "taken_down", null, undefined] as const) {
      expect(nextStatus("taken_down", "restore", previous)).toBeNull();
    }
    expect(canTransition("taken_down", "restore", "admin")).toBe(true);
    expect(canTransition("taken_down", "restore", "organizer")).toBe(false);
    expect(eventsFrom("taken_down", "admin")).toEqual(["restore"]);
  });

  it("lets only the right actor cause each event", () => {
    expect(canTransition("draft", "submit", "organizer")).toBe(true);
    expect(canTransition("submitted", "approve", "organizer")).toBe(false);
    expect(canTransition("submitted", "approve", "admin")).toBe(true);
    expect(canTransition("submitted", "reject", "organizer")).toBe(false);
    expect(canTransition("live", "take_down", "organizer")).toBe(false);
    expect(canTransition("live", "take_down", "admin")).toBe(true);
    expect(canTransition("live", "expire", "organizer")).toBe(false);
    expect(canTransition("live", "expire", "system")).toBe(true);
  });

  it("offers an organizer what they can do next", () => {
    expect(eventsFrom("draft", "organizer")).toEqual(["submit"]);
    expect(eventsFrom("submitted", "organizer")).toEqual(["edit"]);
    expect(eventsFrom("live", "organizer")).toEqual(["close", "win"]);
    expect(eventsFrom("closed", "organizer")).toEqual(["win"]);
    expect(eventsFrom("won", "organizer")).toEqual([]);
    expect(eventsFrom("taken_down", "organizer")).toEqual([]);
    expect(eventsFrom("submitted", "admin")).toEqual(["approve", "reject"]);
  });

  it("takes a submitted or rejected campaign back to draft when it is edited, and leaves others", () => {
    expect(statusAfterEdit("submitted")).toBe("draft");
    expect(statusAfterEdit("rejected")).toBe("draft");
    expect(statusAfterEdit("draft")).toBe("draft");
    expect(statusAfterEdit("live")).toBe("live");
  });

  it("keeps what people signed once the campaign is public", () => {
    for (const status of ["draft", "submitted", "rejected"] as const) {
      expect(canEditField(status, "slug")).toBe(true);
      expect(canEditField(status, "targets")).toBe(true);
    }
    for (const status of ["live", "closed", "won"] as const) {
      for (const field of ["slug", "kind", "targets", "ask", "askEs"] as const) expect(canEditField(status, field)).toBe(false);
      for (const field of ["title", "story", "storyEs", "goal", "endsAt", "shareText", "imageUrl"] as const) {
        expect(canEditField(status, field)).toBe(true);
      }
    }
    expect(canEditField("taken_down", "story")).toBe(false);
  });

  it("shows a live campaign past its end date as closed, without the job", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    expect(effectiveStatus("live", new Date("2026-12-01T11:59:59Z"), now)).toBe("closed");
    expect(effectiveStatus("live", new Date("2026-12-01T12:00:01Z"), now)).toBe("live");
    expect(effectiveStatus("live", null, now)).toBe("live");
    expect(effectiveStatus("won", new Date("2026-01-01T00:00:00Z"), now)).toBe("won");
  });

  it("purges personal data only once nobody can sign", () => {
    expect(statuses.filter(canPurge)).toEqual(["closed", "won"]);
  });
});
