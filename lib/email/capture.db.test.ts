// Mail-capture mode (no RESEND_API_KEY): nothing leaves the machine; the email is
// kept, rendered, for /dev/mailbox; the log says how many were kept and nothing more
// (no address, no link: logs are read by more people than the mailbox).
import { describe, expect, it, vi } from "vitest";

delete process.env.RESEND_API_KEY;
const { confirmSignature, recordSignature } = await import("@/lib/signatures/mutations");
const { findSignatureForToken } = await import("@/lib/signatures/queries");
const { confirmationToken } = await import("@/lib/signatures/tokens");
const { getDb, queryRows } = await import("@/db/client");
const { sql } = await import("drizzle-orm");
const { deliverNextBatch, listCapturedEmails } = await import("./outbox");

describe("mail-capture mode", () => {
  it("keeps the email for the mailbox and logs neither its address nor its links", async () => {
    await recordSignature({
      campaignSlug: "amazon-stop-hosting-palantir",
      input: { fullName: "Rosa Díaz", email: "rosa@example.org" },
      locale: "en",
      clientIp: "192.0.2.1",
    });
    const printed: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((...args) => void printed.push(args.join(" ")));
    expect(await deliverNextBatch()).toMatchObject({ claimed: 1, sent: 1 });
    spy.mockRestore();
    const log = printed.join("\n");
    expect(log).toContain("[mail-capture] kept 1 email");
    expect(log).not.toContain("rosa@example.org");
    expect(log).not.toMatch(/confirm\/|privacy\/delete|https?:\/\//);
    const [mail] = await listCapturedEmails();
    expect(mail).toMatchObject({ to: "rosa@example.org", status: "sent" });
    expect(mail.subject).toMatch(/^Confirm your signature/);
    expect(mail.text).toMatch(/\/campaigns\/amazon-stop-hosting-palantir\/confirm\//);
  });

  it("words a pledge's emails as a pledge: the outbox brings the campaign's kind to the template", async () => {
    const sign = (email: string, locale: "en" | "es") =>
      recordSignature({ campaignSlug: "no-palantir-careers-pledge", input: { fullName: "Ana Ruiz", email }, locale, clientIp: "192.0.2.2" });
    const deliver = async (count: number) => {
      vi.spyOn(console, "log").mockImplementation(() => {});
      expect(await deliverNextBatch()).toMatchObject({ claimed: count, sent: count });
      vi.restoreAllMocks();
    };
    await sign("ana@example.org", "en");
    await sign("ana.es@example.org", "es");
    await deliver(2);
    // Confirmed, then signed again: the already-signed note, worded for a pledge too.
    const db = await getDb();
    const [row] = await queryRows<{ id: string }>(db, sql`select id from signatures where email = 'ana@example.org'`);
    const token = confirmationToken(String(row.id));
    await confirmSignature(token, { showName: false, detailsDigest: (await findSignatureForToken(token))!.detailsDigest });
    // As if the first email were an hour old: a repeat right away sends nothing (RESEND_AFTER).
    await db.execute(sql`update signatures set last_email_queued_at = now() - interval '1 hour' where id = ${row.id}::uuid`);
    await sign("ana@example.org", "en");
    await deliver(1);

    const mails = await listCapturedEmails();
    const to = (address: string) => mails.filter((m) => m.to === address).map((m) => m.subject ?? "").sort();
    expect(to("ana@example.org")).toEqual([
      expect.stringMatching(/^Confirm your pledge: /),
      expect.stringMatching(/^You have already pledged: /),
    ]);
    expect(to("ana.es@example.org")).toEqual([expect.stringMatching(/^Confirma tu compromiso: /)]);
    const english = mails.find((m) => m.subject?.startsWith("Confirm your pledge"))!;
    expect(english.text).toContain("Last step: confirm my pledge");
    expect(english.text).not.toMatch(/signature|petition/i);
  });
});
