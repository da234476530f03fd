// An admin looks for signatures: by email (any case, +tags), mail domain, name, postal
// code and IP — the IP hashed with the key signing used, never stored — and acts on
// one: invalidate, validate, unsubscribe, delete, with the count kept right. The
// trending report lists the hashed IPs and domains signing fastest in the last hour.
import { describe, expect, it } from "vitest";
import { reduceIp } from "@/lib/client-ip";
import { keyedHash } from "@/lib/secrets";
import { confirmedCount } from "@/lib/signatures/counts";
import { auditActionsFor, liveCampaign, sign, signAndConfirm, signatureRow } from "@/test/moderation-fixtures";
import { ipHashFor, searchSignatures } from "./search";
import { actOnSignature } from "./signatures";
import { trendingDomains, trendingIps } from "./trending";

describe("signature search", () => {
  it("finds by email whatever its case or +tag, by domain, name and postal code", async () => {
    const a = await liveCampaign();
    const b = await liveCampaign();
    await sign(a.campaign.slug, "bob.jones@example.com", "192.0.2.1", { fullName: "Bob Jones", postalCode: "10001" });
    await sign(b.campaign.slug, "Bob.Jones+petitions@Example.com", "192.0.2.2", { fullName: "Bob Jones" });
    await sign(a.campaign.slug, "ana@other.example", "192.0.2.3", { fullName: "Ana Pérez", postalCode: "10 001" });

    const byEmail = await searchSignatures("email", "BOB.JONES@example.com");
    expect(byEmail.total).toBe(2);
    expect(new Set(byEmail.rows.map((r) => r.campaignId))).toEqual(new Set([a.campaign.id, b.campaign.id]));
    expect((await searchSignatures("domain", "@example.com")).total).toBe(2);
    expect((await searchSignatures("domain", "other.example")).rows.map((r) => r.fullName)).toEqual(["Ana Pérez"]);
    expect((await searchSignatures("name", "pÉrez")).total).toBe(1);
    expect((await searchSignatures("name", "%")).total).toBe(0); // a LIKE wildcard is a character here
    expect((await searchSignatures("postal", "10001")).total).toBe(2);
    expect((await searchSignatures("email", "nobody@example.com")).total).toBe(0);
  });

  it("finds by IP through the same keyed hash signing stored, IPv6 by its /64", async () => {
    const { campaign } = await liveCampaign();
    await sign(campaign.slug, "v4@example.net", "198.51.100.77");
    // The signing path gets the address as lib/client-ip.ts reduced it (an IPv6 one to its /64).
    await sign(campaign.slug, "v6@example.net", reduceIp("2001:db8:1:2:aaaa::1"));
    expect(ipHashFor("198.51.100.77")).toBe(keyedHash("ip", "198.51.100.77"));
    const v4 = await searchSignatures("ip", "198.51.100.77");
    expect(v4.rows.map((r) => r.email)).toEqual(["v4@example.net"]);
    expect(v4.rows[0].ipHash).toBe(keyedHash("ip", "198.51.100.77"));
    // Another address in the same /64 is the same household: found.
    expect((await searchSignatures("ip", "2001:db8:1:2:ffff::9")).rows.map((r) => r.email)).toEqual(["v6@example.net"]);
    // The hash itself (as the trending report links it) finds the same rows.
    expect((await searchSignatures("ip", v4.rows[0].ipHash!)).total).toBe(1);
    expect((await searchSignatures("ip", "198.51.100.78")).total).toBe(0);
  });
});

describe("acting on one signature", () => {
  it("invalidates and validates again, keeping the count; unsubscribes; deletes", async () => {
    const { campaign, user } = await liveCampaign();
    const id = await signAndConfirm(campaign.slug, "one@example.org", "192.0.2.50");
    await signAndConfirm(campaign.slug, "two@example.org", "192.0.2.51");
    expect(await confirmedCount(campaign.id)).toBe(2);

    expect(await actOnSignature(id, "invalidate", user.id)).toEqual({ ok: true, data: { status: "invalidated" } });
    expect(await confirmedCount(campaign.id)).toBe(1);
    expect(await actOnSignature(id, "invalidate", user.id)).toMatchObject({ ok: false, code: "conflict" });
    expect(await actOnSignature(id, "validate", user.id)).toMatchObject({ ok: true });
    expect(await confirmedCount(campaign.id)).toBe(2);

    await actOnSignature(id, "unsubscribe", user.id);
    expect((await signatureRow(id))?.updates_consent_at).toBeNull();

    expect(await actOnSignature(id, "delete", user.id)).toMatchObject({ ok: true });
    expect(await signatureRow(id)).toBeNull();
    expect(await confirmedCount(campaign.id)).toBe(1);
    expect(await actOnSignature(id, "delete", user.id)).toMatchObject({ ok: false, code: "not_found" });
    expect(await auditActionsFor(campaign.id)).toEqual([
      "signature.invalidated", "signature.validated", "signature.unsubscribed", "signature.deleted",
    ]);
  });

  it("validates a pending signature: it counts", async () => {
    const { campaign, user } = await liveCampaign();
    const id = await sign(campaign.slug, "pending@example.org", "192.0.2.60");
    expect(await actOnSignature(id, "validate", user.id)).toMatchObject({ ok: true });
    expect(await confirmedCount(campaign.id)).toBe(1);
  });
});

describe("the trending report", () => {
  it("lists hashed IPs and mail domains by signatures per campaign in the last hour", async () => {
    const { campaign } = await liveCampaign();
    const other = await liveCampaign();
    for (let i = 0; i < 12; i++) await sign(campaign.slug, `bot${i}@burner.test`, "203.0.113.5");
    for (let i = 0; i < 3; i++) await sign(campaign.slug, `p${i}@mail.example`, `192.0.2.${100 + i}`);
    for (let i = 0; i < 4; i++) await sign(other.campaign.slug, `q${i}@burner.test`, "203.0.113.5");

    const ips = await trendingIps(10);
    const mine = ips.filter((r) => r.campaignId === campaign.id);
    expect(mine).toEqual([
      { campaignId: campaign.id, campaignTitle: campaign.title, key: keyedHash("ip", "203.0.113.5"), signatures: 12, flagged: 0 },
    ]);
    // Per campaign: the same address's 4 on the other campaign are under the threshold.
    expect(ips.some((r) => r.campaignId === other.campaign.id)).toBe(false);
    expect((await trendingIps(4)).find((r) => r.campaignId === other.campaign.id)?.signatures).toBe(4);

    const domains = await trendingDomains(3);
    expect(domains.filter((r) => r.campaignId === campaign.id).map((r) => [r.key, r.signatures])).toEqual([
      ["burner.test", 12], ["mail.example", 3],
    ]);
    // An hour later they have left the report.
    expect((await trendingIps(1, new Date(Date.now() + 3_700_000))).some((r) => r.campaignId === campaign.id)).toBe(false);
  });
});
