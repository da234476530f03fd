// Said on every page while mail is captured instead of sent, so nobody waits for a
// confirmation email that will never come, and nobody mistakes a test server for the real one.
import { mailMode } from "@/lib/env";
import type { Messages } from "@/lib/i18n";

export function MailCaptureNotice({ t }: { t: Messages }) {
  if (mailMode !== "capture") return null;
  return (
    <p className="bg-amber-100 px-4 py-2 text-center text-sm font-medium text-amber-950" data-testid="mail-capture-notice">
      {t.mailCapture.notice}
    </p>
  );
}
