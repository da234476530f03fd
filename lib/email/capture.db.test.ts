// Mail-capture mode (no RESEND_API_KEY): nothing leaves the machine; the email is
// printed to the log and kept, rendered, for /dev/mailbox.
import { describe, expect, it, vi } from "vitest";

delete process.env.RESEND_API_KEY;
const { recordSignature } = await import("@/lib/signatures/mutations");
const { deliverNextBatch, listCapturedEmails } = await import("./outbox");

describe("mail-capture mode", () => {
  it("prints the email and keeps it for the mailbox", async () => {
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
    expect(printed.join("\n")).toMatch(/\[mail-capture\] to=rosa@example\.org .*Confirm your signature/);
    const [mail] = await listCapturedEmails();
    expect(mail).toMatchObject({ to: "rosa@example.org", status: "sent" });
    expect(mail.subject).toMatch(/^Confirm your signature/);
    expect(mail.text).toMatch(/\/campaigns\/amazon-stop-hosting-palantir\/confirm\//);
  });
});
