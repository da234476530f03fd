// Mail-capture mode (no RESEND_API_KEY): nothing leaves the machine; the email is
// kept, rendered, for /dev/mailbox; the log says how many were kept and nothing more
// (no address, no link: logs are read by more people than the mailbox).
import { describe, expect, it, vi } from "vitest";

delete process.env.RESEND_API_KEY;
const { recordSignature } = await import("@/lib/signatures/mutations");
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
});
