import { describe, expect, it } from "vitest";
import { createCampaign, createMember } from "@/test/workspace-fixtures";
import { userForSessionToken } from "./current-user";
import { findCampaignScope, findGroupScope } from "./scope";
import { roleCan } from "./permissions";

describe("the workspace scope", () => {
  it("finds a campaign only through the caller's own group", async () => {
    const mine = await createMember();
    const theirs = await createMember();
    const campaign = await createCampaign(theirs.groupId);
    expect(await findCampaignScope(mine.user.id, campaign.id)).toBeNull();
    expect(await findGroupScope(mine.user.id, { id: theirs.groupId })).toBeNull();
    const found = await findCampaignScope(theirs.user.id, campaign.id);
    expect(found).toMatchObject({ id: campaign.id, group: { id: theirs.groupId, role: "owner" } });
  });

  it("answers nothing, not an error, for ids that are not uuids", async () => {
    const mine = await createMember();
    expect(await findCampaignScope(mine.user.id, "1 or 1=1")).toBeNull();
    expect(await findGroupScope(mine.user.id, { id: "x" })).toBeNull();
  });

  it("knows a session only until it expires", async () => {
    const { sessionToken, user } = await createMember();
    expect(await userForSessionToken(sessionToken)).toMatchObject({ id: user.id, isAdmin: false });
    expect(await userForSessionToken("not-a-session")).toBeNull();
  });

  it("lets a plain member read but not see signers", () => {
    expect(roleCan("member", "campaigns.read")).toBe(true);
    expect(roleCan("member", "signers.read")).toBe(false);
    expect(roleCan("organizer", "members.manage")).toBe(false);
    expect(roleCan("owner", "members.manage")).toBe(true);
  });
});
