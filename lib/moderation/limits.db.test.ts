// Limits and lists an admin edits while the app runs: a change takes effect for the
// next signature (on this instance at once), and a blocked signer is answered like
// anyone, stored flagged, and, once "confirmed", shown as confirmed but never counted.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { confirmedCount } from "@/lib/signatures/counts";
import { confirmSignature, recordSignature } from "@/lib/signatures/mutations";
import { findSignatureForToken } from "@/lib/signatures/queries";
import { confirmationToken } from "@/lib/signatures/tokens";
import { createMember } from "@/test/workspace-fixtures";
import { liveCampaign, sign, signatureRow } from "@/test/moderation-fixtures";
import { updateLimits, type LimitsForm } from "./limits";
import { loadModerationSettings } from "./settings";

const blank: LimitsForm = {
  perIp: "", perIpBurst: "", perIpSustained: "", perEmail: "",
  allowedIps: "", blockedIps: "", allowedDomains: "", blockedDomains: "", blockedEmails: "",
};
// A clock of its own, so each test's rate-limit windows are fresh.
const HOUR = 3600_000;
const base = Date.UTC(2031, 0, 1, 12);

describe("editing the limits", () => {
  it("refuses bad entries, naming them, and saves nothing", async () => {
    const { user } = await createMember();
    const result = await updateLimits({ ...blank, perIp: "abc", blockedIps: "127\n10.0.0.0/8", blockedDomains: "foo(" }, user.id);
    expect(result).toEqual({
      ok: false, code: "invalid",
      fieldErrors: { perIp: ["badLimit"], blockedIps: ["badList:127"], blockedDomains: ["badList:foo("] },
    });
    expect((await loadModerationSettings()).lists.blockedIps).toEqual([]);
  });

  it("a lower soft limit flags the next signatures; a cleared one is the env default again", async () => {
    const { user } = await createMember();
    const { campaign } = await liveCampaign();
    expect(await updateLimits({ ...blank, perIp: "2/600" }, user.id)).toEqual({ ok: true, data: null });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push(await sign(campaign.slug, `soft${i}@example.org`, "192.0.2.200", { now: base }));
    expect((await signatureRow(ids[1]))?.flagged_reason).toBeNull();
    expect((await signatureRow(ids[2]))?.flagged_reason).toBe("ip_soft_limit");

    // A per-email limit of 1 an hour refuses the second attempt at once.
    await updateLimits({ ...blank, perEmail: "1/3600" }, user.id);
    const again = () =>
      recordSignature({ campaignSlug: campaign.slug, input: { fullName: "Xavier Once", email: "once@example.org" }, locale: "en", clientIp: "192.0.2.201", now: base + HOUR });
    expect(await again()).toMatchObject({ ok: true });
    expect(await again()).toMatchObject({ ok: false, code: "rate_limited" });

    await updateLimits(blank, user.id);
    const settings = await loadModerationSettings();
    expect(settings.overridden).toEqual([]);
    expect(settings.limits.perIp).toEqual({ max: 20, seconds: 600 });
  });

  it("an allowed range skips the soft limit (a known campus address)", async () => {
    const { user } = await createMember();
    const { campaign } = await liveCampaign();
    await updateLimits({ ...blank, perIp: "1/600", allowedIps: "198.51.100.0/24" }, user.id);
    const a = await sign(campaign.slug, "rally1@example.edu", "198.51.100.4", { now: base + 2 * HOUR });
    const b = await sign(campaign.slug, "rally2@example.edu", "198.51.100.4", { now: base + 2 * HOUR });
    expect((await signatureRow(a))?.flagged_reason).toBeNull();
    expect((await signatureRow(b))?.flagged_reason).toBeNull();
    await updateLimits(blank, user.id);
  });
});

describe("a blocked signer", () => {
  it("is accepted like anyone, flagged, mailed, and never counted", async () => {
    const { user } = await createMember();
    const { campaign } = await liveCampaign();
    await updateLimits(
      { ...blank, blockedIps: "203.0.113.0/24", blockedDomains: "*.burner.test", blockedEmails: "Troll+x@Example.org" },
      user.id,
    );
    const byIp = await sign(campaign.slug, "someone@example.org", "203.0.113.99");
    const byDomain = await sign(campaign.slug, "x@a.burner.test", "192.0.2.70");
    const byEmail = await sign(campaign.slug, "TROLL@example.org", "192.0.2.71");
    const fine = await sign(campaign.slug, "fine@example.org", "192.0.2.72");
    expect((await signatureRow(byIp))?.flagged_reason).toBe("blocked_ip");
    expect((await signatureRow(byDomain))?.flagged_reason).toBe("blocked_domain");
    expect((await signatureRow(byEmail))?.flagged_reason).toBe("blocked_email");
    expect((await signatureRow(fine))?.flagged_reason).toBeNull();
    // Each got its confirmation email, as anyone would.
    const mails = await queryRows<{ n: number }>(
      await getDb(),
      sql`select count(*)::int as n from email_outbox where signature_id in (${byIp}, ${byDomain}, ${byEmail})`,
    );
    expect(Number(mails[0].n)).toBe(3);

    for (const id of [byIp, byDomain, byEmail, fine]) {
      expect(await confirmSignature(confirmationToken(id))).toMatchObject({ status: "confirmed" });
    }
    // The blocked ones look confirmed to their holders, and are stored fraudulent, uncounted.
    expect(await findSignatureForToken(confirmationToken(byIp))).toMatchObject({ status: "validated" });
    expect(await confirmSignature(confirmationToken(byIp))).toMatchObject({ status: "already_confirmed" });
    expect((await signatureRow(byIp))?.status).toBe("fraudulent");
    expect(await confirmedCount(campaign.id)).toBe(1);
    await updateLimits(blank, user.id);
  });
});
