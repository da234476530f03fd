// The organizer's signers table, its export and removal at a signer's request, on a real
// database: keyset pages that neither skip nor repeat, filters, the CSV's rows and its
// formula escaping, and counts that stay honest after a removal.
import crypto from "node:crypto";
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { signatures } from "@/db/schema";
import { confirmedCount } from "@/lib/signatures/counts";
import { createCampaign, createMember } from "@/test/workspace-fixtures";
import { exportConfirmedSigners } from "./export";
import { nameMatches, nameWords } from "./filter";
import { removeSigner } from "./mutations";
import { countSigners, findSigner, getPacket, listSigners } from "./queries";
import { getCampaignStats } from "./stats";

type Seed = Partial<typeof signatures.$inferInsert> & { fullName: string };

async function scopeWith(seeds: Seed[]) {
  const { groupId, user } = await createMember();
  const campaign = await createCampaign(groupId, { status: "live" });
  const db = await getDb();
  const base = Date.parse("2026-10-01T12:00:00Z");
  const rows = seeds.map((seed, i) => {
    const email = seed.email ?? `${seed.fullName.toLowerCase().replace(/\W+/g, ".")}.${i}@example.org`;
    return {
      campaignId: campaign.id,
      status: "validated" as const,
      email,
      emailCanonical: email.toLowerCase(),
      referralCode: crypto.randomBytes(6).toString("hex"),
      createdAt: new Date(base + i * 60_000),
      validatedAt: seed.status && seed.status !== "validated" ? null : new Date(base + i * 60_000 + 1000),
      ...seed,
    };
  });
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(signatures).values(rows.slice(i, i + 500));
    const confirmed = rows.filter((row) => row.status === "validated").length;
    if (confirmed) await tx.execute(sql`insert into signature_count_shards (campaign_id, shard, confirmed) values (${campaign.id}, 0, ${confirmed})`);
  });
  return { scope: { campaignId: campaign.id, groupId, slug: campaign.slug }, user, campaign };
}

async function csvOf(scope: { campaignId: string; groupId: string }, filter = {}) {
  let text = "";
  const chunks = exportConfirmedSigners(scope, filter);
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) text += next.value.text;
  return parse(text.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
}

describe("the signers table", () => {
  it("pages newest first without skipping or repeating, forwards and back, even within one timestamp", async () => {
    const { scope } = await scopeWith(Array.from({ length: 23 }, (_, i) => ({ fullName: `Signer ${i}` })));
    // Three signers in the same microsecond: only the id tells them apart.
    const db = await getDb();
    await db.execute(sql`update signatures set created_at = '2026-10-01T12:10:00.123456Z' where full_name in ('Signer 9', 'Signer 10', 'Signer 11')`);
    const seen: string[] = [];
    let after: string | undefined;
    const pages: { previous: string | null; first: string }[] = [];
    for (;;) {
      const page = await listSigners(scope, { after }, 5);
      seen.push(...page.rows.map((r) => r.fullName));
      pages.push({ previous: page.previous, first: page.rows[0].fullName });
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen).size).toBe(23);
    expect(seen[0]).toBe("Signer 22");
    expect(pages[0].previous).toBeNull();
    // Back from the third page lands on the second page exactly.
    const back = await listSigners(scope, { before: pages[2].previous! }, 5);
    expect(back.rows.map((r) => r.fullName)).toEqual(seen.slice(5, 10));
    expect(back.next).not.toBeNull();
  });

  it("filters by search, status, opt-in, source and dates, and counts what the export will hold", async () => {
    const { scope } = await scopeWith([
      { fullName: "Ana Pérez", email: "Ana.Perez+x@gmail.com", emailCanonical: "anaperez@gmail.com", updatesConsentAt: new Date(), updatesConsentText: "yes" },
      { fullName: "Sam Ortiz", referredBy: "abc123" },
      { fullName: "Lee Wong", status: "pending" },
      { fullName: "100% Real", status: "invalidated" },
    ]);
    const names = async (filter: object) => (await listSigners(scope, filter)).rows.map((r) => r.fullName).sort();
    expect(await names({ q: "ortiz" })).toEqual(["Sam Ortiz"]);
    expect(await names({ q: "SAM" })).toEqual(["Sam Ortiz"]);
    expect(await names({ q: "ana.perez+x@" })).toEqual(["Ana Pérez"]);
    expect(await names({ q: "anaperez@gmail.com" })).toEqual(["Ana Pérez"]);
    expect(await names({ q: "100%" })).toEqual(["100% Real"]);
    expect(await names({ q: "%" })).toEqual([]);
    expect(await names({ q: "ana.perez+x@gmail.co" })).toEqual(["Ana Pérez"]);
    expect(await names({ q: "\u{10FFFF}\uD7FF'--" })).toEqual([]);
    expect(await names({ status: "pending" })).toEqual(["Lee Wong"]);
    expect(await names({ optedIn: "yes" })).toEqual(["Ana Pérez"]);
    expect(await names({ source: "shared" })).toEqual(["Sam Ortiz"]);
    expect(await names({ from: "2026-10-01", to: "2026-10-01" })).toHaveLength(4);
    expect(await names({ to: "2026-09-30" })).toEqual([]);
    expect(await names({ q: "ortiz sam" })).toEqual(["Sam Ortiz"]);
    expect(await names({ q: "ort" })).toEqual(["Sam Ortiz"]);
    // Unfiltered or by status only, the counts come from the shards and the unconfirmed index.
    expect(await countSigners(scope, {})).toEqual({ matching: 4, confirmed: 2 });
    expect(await countSigners(scope, { status: "validated" })).toEqual({ matching: 2, confirmed: 2 });
    expect(await countSigners(scope, { status: "pending" })).toEqual({ matching: 1, confirmed: 0 });
    expect(await countSigners(scope, { q: "a" })).toEqual({ matching: 1, confirmed: 1 });
    expect(await countSigners(scope, { source: "direct" })).toEqual({ matching: 3, confirmed: 1 });
  });

  it("finds a name whatever its accents and case, either way round, through the name index", async () => {
    const { scope } = await scopeWith([
      { fullName: "Ana Pérez", email: "a@example.org" },
      { fullName: "Luis Perez", email: "b@example.org" },
      { fullName: "José Núñez", email: "c@example.org" },
      { fullName: "Zoë Le\u0301vy", email: "d@example.org" }, // stored decomposed: "e" + U+0301
      { fullName: "Sam Ortiz", email: "e@example.org" },
    ]);
    const names = async (q: string) => (await listSigners(scope, { q })).rows.map((r) => r.fullName).sort();
    expect(await names("perez")).toEqual(["Ana Pérez", "Luis Perez"]);
    expect(await names("PÉREZ")).toEqual(["Ana Pérez", "Luis Perez"]);
    expect(await names("Pérez")).toEqual(["Ana Pérez", "Luis Perez"]);
    expect(await names("jose")).toEqual(["José Núñez"]);
    expect(await names("nunez")).toEqual(["José Núñez"]);
    expect(await names("NÚÑ")).toEqual(["José Núñez"]);
    expect(await names("zoe levy")).toEqual(["Zoë Le\u0301vy"]);
    expect(await names("lévy")).toEqual(["Zoë Le\u0301vy"]);
    expect(await countSigners(scope, { q: "perez" })).toEqual({ matching: 2, confirmed: 2 });
    expect((await csvOf(scope, { q: "nunez" })).map((row) => Object.values(row)).flat()).toContain("José Núñez");

    // The search's name condition is the expression the index was built on (or PostgreSQL
    // would scan every name). Sequential scans off, so the plan shows whether it can be used.
    const db = await getDb();
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return queryRows<{ "QUERY PLAN": string }>(tx, sql`explain select id from signatures where ${nameMatches(nameWords("Pérez"))}`);
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("signatures_name_folded_words_idx");
  });

  it("shows nothing of a campaign through another group's scope", async () => {
    const { scope } = await scopeWith([{ fullName: "Kept Private" }]);
    const other = await createMember();
    const foreign = { campaignId: scope.campaignId, groupId: other.groupId };
    expect((await listSigners(foreign, {})).rows).toEqual([]);
    expect(await countSigners(foreign, {})).toEqual({ matching: 0, confirmed: 0 });
    expect(await csvOf(foreign)).toEqual([]);
    const [row] = (await listSigners(scope, {})).rows;
    expect(await findSigner(foreign, row.id)).toBeNull();
    expect(await findSigner(scope, "not-a-uuid")).toBeNull();
    expect((await getCampaignStats(foreign)).total).toBe(0);
  });
});

describe("the export", () => {
  it("holds the confirmed signers matching the filter, with every formula-looking cell quoted", async () => {
    const hostile = ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rReturn"];
    const { scope } = await scopeWith([
      ...hostile.map((fullName, i) => ({ fullName, email: `h${i}@example.org`, comment: "=cmd|' /C calc'!A0" })),
      { fullName: "José Núñez", email: "jose@example.org", referredBy: "code1" },
      { fullName: "Not Yet", status: "pending" as const },
    ]);
    const rows = await csvOf(scope);
    expect(rows).toHaveLength(hostile.length + 1);
    expect(rows.map((r) => r.full_name)).toEqual([...hostile.map((h) => `'${h}`), "José Núñez"]);
    expect(rows.every((r) => r.comment === "" || r.comment.startsWith("'="))).toBe(true);
    expect(rows[hostile.length]).toMatchObject({ email: "jose@example.org", came_through: "shared link", opted_in_to_updates: "no" });
    expect(await csvOf(scope, { source: "shared" })).toHaveLength(1);
    expect(await csvOf(scope, { status: "pending" })).toEqual([]);
  });

  it("reads in batches past the batch size without losing a row", async () => {
    const { scope } = await scopeWith(Array.from({ length: 2105 }, (_, i) => ({ fullName: `Bulk ${i}` })));
    const db = await getDb();
    // Many confirmed in the same microsecond: the id breaks the tie between batches.
    await db.execute(sql`update signatures set validated_at = '2026-10-02T00:00:00.000001Z' where campaign_id = ${scope.campaignId} and full_name like 'Bulk 19%'`);
    const rows = await csvOf(scope);
    expect(rows).toHaveLength(2105);
    expect(new Set(rows.map((r) => r.email)).size).toBe(2105);
  });
});

describe("removing a signer at their request", () => {
  it("deletes their data and lowers the count by one only if they were confirmed", async () => {
    const { scope, user } = await scopeWith([{ fullName: "Confirmed One" }, { fullName: "Pending One", status: "pending" }, { fullName: "Stays" }]);
    const before = await confirmedCount(scope.campaignId);
    expect(before).toBe(2);
    const all = (await listSigners(scope, {})).rows;
    const confirmed = all.find((r) => r.fullName === "Confirmed One")!;
    const pending = all.find((r) => r.fullName === "Pending One")!;
    const db = await getDb();
    await db.execute(sql`insert into email_outbox (kind, signature_id, to_address) values ('signature_confirmation', ${pending.id}, 'pending@example.org')`);

    const other = await createMember();
    expect(await removeSigner({ ...scope, groupId: other.groupId }, confirmed.id, other.user.id)).toEqual({ removed: false, wasConfirmed: false });
    expect(await confirmedCount(scope.campaignId)).toBe(2);

    expect(await removeSigner(scope, confirmed.id, user.id)).toEqual({ removed: true, wasConfirmed: true });
    expect(await confirmedCount(scope.campaignId)).toBe(1);
    expect(await removeSigner(scope, pending.id, user.id)).toEqual({ removed: true, wasConfirmed: false });
    expect(await confirmedCount(scope.campaignId)).toBe(1);
    expect(await removeSigner(scope, pending.id, user.id)).toEqual({ removed: false, wasConfirmed: false });

    expect((await listSigners(scope, {})).rows.map((r) => r.fullName)).toEqual(["Stays"]);
    expect(await queryRows(db, sql`select 1 from email_outbox where to_address = 'pending@example.org'`)).toHaveLength(0);
    const audit = await queryRows<{ action: string; detail: Record<string, unknown> }>(
      db, sql`select action, detail from audit_log where campaign_id = ${scope.campaignId} order by id`);
    expect(audit).toEqual([
      { action: "signer.removed", detail: { signatureId: confirmed.id, wasConfirmed: true } },
      { action: "signer.removed", detail: { signatureId: pending.id, wasConfirmed: false } },
    ]);
    // The shards agree with the signatures themselves.
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from signatures where campaign_id = ${scope.campaignId} and status = 'validated'`);
    expect(await confirmedCount(scope.campaignId)).toBe(Number(n));
  });
});

describe("the stats", () => {
  it("counts per day, by source and by mail domain", async () => {
    const { scope } = await scopeWith([
      { fullName: "A", email: "a@gmail.com" }, { fullName: "B", email: "b@gmail.com", status: "pending" },
      { fullName: "C", email: "c@proton.me", referredBy: "x1" }, { fullName: "D", email: "d@proton.me", status: "invalidated" },
    ]);
    const stats = await getCampaignStats(scope);
    expect(stats.days).toEqual([{ day: "2026-10-01", confirmed: 2, pending: 1 }]);
    expect(stats).toMatchObject({ total: 4, confirmed: 2, pending: 1 });
    expect(stats.sources).toEqual([{ source: "direct", total: 3, confirmed: 1 }, { source: "shared", total: 1, confirmed: 1 }]);
    expect(stats.domains).toEqual([{ domain: "gmail.com", total: 2, confirmed: 1 }, { domain: "proton.me", total: 1, confirmed: 1 }]);
  });
});

describe("the delivery packet", () => {
  it("names only confirmed signers who chose to be shown, by first name, and none when names are hidden", async () => {
    const { scope } = await scopeWith([
      { fullName: "Ana María Ortiz", showName: true },
      { fullName: "Sam Okafor", showName: false },
      { fullName: "Lee Wong", showName: true, status: "pending" },
    ]);
    const packet = await getPacket(scope, "en");
    expect(packet).toMatchObject({ ask: "Cut ties.", firstNames: ["Ana"], shownTotal: 1, namesHidden: false });
    expect(JSON.stringify(packet)).not.toContain("@");
    const db = await getDb();
    await db.execute(sql`update campaigns set names_hidden = true where id = ${scope.campaignId}`);
    expect(await getPacket(scope, "es")).toMatchObject({ firstNames: [], shownTotal: 0, namesHidden: true });
    const other = await createMember();
    expect(await getPacket({ campaignId: scope.campaignId, groupId: other.groupId }, "en")).toBeNull();
  });
});
