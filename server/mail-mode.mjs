// How the app handles email, decided from the environment before anything starts:
// Resend with a key; capture (kept for /dev/mailbox, never sent) in embedded mode or
// when asked for with MAIL_CAPTURE=on. A PostgreSQL deployment with neither is a
// mistake that would leave every signer without a confirmation email: refused.

/** "resend", "capture", or "unconfigured" (refuse to start). Empty values count as unset. */
export function resolveMailMode({ RESEND_API_KEY, DATABASE_URL, MAIL_CAPTURE } = {}) {
  if (RESEND_API_KEY) return "resend";
  if (MAIL_CAPTURE === "on") return "capture";
  if (!DATABASE_URL) return "capture";
  return "unconfigured";
}

export const MAIL_NOT_CONFIGURED =
  "Mail is not configured: DATABASE_URL is set, but neither RESEND_API_KEY nor MAIL_CAPTURE is.\n" +
  "  Send real email:            RESEND_API_KEY=re_… (and MAIL_FROM on a domain verified at Resend)\n" +
  "  Or keep it, never sent:     MAIL_CAPTURE=on (emails are kept at /dev/mailbox, readable only\n" +
  "                              from this machine; signers get no confirmation email)";
