// Confirming: what gets published is what the owner of the address chose, and a
// confirmation counts only while its campaign collects (plus a short grace after it
// closed). Time is moved in the database (closed_at in the past), never slept.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows } from "@/db/client";
import { forgetEveryCampaign } from "@/lib/campaigns/queries";
import { confirmedCount } from "./counts";
import { confirmSignature, recordSignature } from "./mutations";
import { findSignatureForToken, listRecentPublicSigners } from "./queries";
import { confirmationToken } from "./tokens";

const SLUG = "palantir-end-falcon-icm";
const CLOSING = "no-palantir-careers-pledge";
let ip = 0;

function sign(input: Record<string, unknown>, slug = SLUG) {
  return recordSignature({ campaignSlug: slug, input, locale: "en", clientIp: `192.0.2.${++ip}` });
}

async function rows<T>(query: ReturnType<typeof sql>) {
  return queryRows<T>(await getDb(), query);
}

async function byEmail(email: string) {
  const [row] = await rows<Record<string, unknown>>(sql`select * from signatures where email_canonical = ${email}`);
  return row;
}

async function campaignId(slug: string) {
  const [row] = await rows<{ id: string }>(sql`select id from campaigns where slug = ${slug}`);
  return row.id;
}

describe("a stranger who types someone else's address", () => {
  it("does not decide the name published: the owner's later submission replaces the pending details", async () => {
    await sign({
      fullName: "Stranger Danger", email: "victim@example.org", showName: true, comment: "not mine",
      postalCode: "99999", wantsUpdates: true, ref: "strangerref",
    });
    await sign({ fullName: "Victoria Real", email: "Victim@Example.org", showName: false });
    const row = await byEmail("victim@example.org");
    expect(row).toMatchObject({
      full_name: "Victoria Real", show_name: false, comment: null, postal_code: null,
      updates_consent_text: null, updates_consent_at: null, referred_by: null, status: "pending",
    });
    expect(await rows(sql`select 1 from signatures where email_canonical = 'victim@example.org'`)).toHaveLength(1);

    // The page the emailed link opens shows the owner what will be public.
    const token = confirmationToken(String(row.id));
    const page = await findSignatureForToken(token);
    expect(page).toMatchObject({ fullName: "Victoria Real", publicName: "Victoria R.", showName: false });

    expect(await confirmSignature(token, { showName: false, detailsDigest: page!.detailsDigest })).toMatchObject({
      status: "confirmed",
    });
    const shown = (await listRecentPublicSigners(await campaignId(SLUG), 100)).map((s) => s.name);
    expect(shown).not.toContain("Stranger D.");
    expect(shown).not.toContain("Victoria R.");
  });

  it("stores the choice made on the confirmation page", async () => {
    await sign({ fullName: "Shown Before", email: "chooser@example.org", showName: true });
    const row = await byEmail("chooser@example.org");
    const token = confirmationToken(String(row.id));
    const page = await findSignatureForToken(token);
    await confirmSignature(token, { showName: false, detailsDigest: page!.detailsDigest });
    expect(await byEmail("chooser@example.org")).toMatchObject({ status: "validated", show_name: false });
  });

  it("cannot slip in a new name between the page and the button: that press confirms nothing", async () => {
    await sign({ fullName: "Owner Person", email: "race@example.org" });
    const row = await byEmail("race@example.org");
    const token = confirmationToken(String(row.id));
    const page = await findSignatureForToken(token);
    await sign({ fullName: "Sneaky Stranger", email: "race@example.org", showName: true });
    expect(await confirmSignature(token, { showName: true, detailsDigest: page!.detailsDigest })).toEqual({
      status: "changed",
      campaignSlug: SLUG,
    });
    expect((await byEmail("race@example.org")).status).toBe("pending");
  });

  it("changes nothing of a confirmed signature", async () => {
    await sign({ fullName: "Done Deal", email: "settled@example.org" });
    const row = await byEmail("settled@example.org");
    await confirmSignature(confirmationToken(String(row.id)));
    await sign({ fullName: "Late Stranger", email: "settled@example.org", showName: true });
    expect(await byEmail("settled@example.org")).toMatchObject({ full_name: "Done Deal", show_name: false });
  });
});

describe("a campaign that closed", () => {
  let id: string;
  beforeAll(async () => {
    id = await campaignId(CLOSING);
  });

  async function setStatus(status: string) {
    await (await getDb()).execute(sql`update campaigns set status = ${status}::campaign_status where id = ${id}`);
    forgetEveryCampaign();
  }

  async function closedHoursAgo(hours: number) {
    await (await getDb()).execute(
      sql`update campaigns set closed_at = now() - make_interval(hours => ${hours}::int) where id = ${id}`,
    );
  }

  it("records when it closed, and forgets it when reopened", async () => {
    await setStatus("closed");
    const [closed] = await rows<{ closed_at: string | null; recent: boolean }>(
      sql`select closed_at, closed_at > now() - interval '1 minute' as recent from campaigns where id = ${id}`,
    );
    expect(closed.recent).toBe(true);
    await setStatus("won");
    const [won] = await rows<{ closed_at: string | null }>(sql`select closed_at from campaigns where id = ${id}`);
    expect(new Date(String(won.closed_at)).getTime()).toBe(new Date(String(closed.closed_at)).getTime());
    await setStatus("live");
    expect((await rows<{ closed_at: null }>(sql`select closed_at from campaigns where id = ${id}`))[0].closed_at).toBeNull();
  });

  it("still counts a confirmation within the grace after closing, and refuses a later one", async () => {
    await sign({ fullName: "In Time", email: "intime@example.org" }, CLOSING);
    await sign({ fullName: "Too Late", email: "toolate@example.org" }, CLOSING);
    const inTime = confirmationToken(String((await byEmail("intime@example.org")).id));
    const tooLate = confirmationToken(String((await byEmail("toolate@example.org")).id));
    await setStatus("closed");
    const before = await confirmedCount(id);

    await closedHoursAgo(23);
    expect(await findSignatureForToken(inTime)).toMatchObject({ campaignOpen: true });
    expect(await confirmSignature(inTime)).toMatchObject({ status: "confirmed" });
    expect(await confirmedCount(id)).toBe(before + 1);

    await closedHoursAgo(25);
    const page = await findSignatureForToken(tooLate);
    expect(page).toMatchObject({ campaignOpen: false, status: "pending" });
    expect(page!.closedAt!.getTime()).toBeLessThan(Date.now() - 24 * 3600_000);
    expect(await confirmSignature(tooLate)).toEqual({ status: "closed", campaignSlug: CLOSING });
    expect((await byEmail("toolate@example.org")).status).toBe("pending");
    expect(await confirmedCount(id)).toBe(before + 1);
    await setStatus("live");
  });
});
