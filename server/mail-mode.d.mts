// Types for mail-mode.mjs.
export type MailMode = "resend" | "capture" | "unconfigured";
export declare function resolveMailMode(env?: {
  RESEND_API_KEY?: string;
  DATABASE_URL?: string;
  MAIL_CAPTURE?: string;
}): MailMode;
export declare const MAIL_NOT_CONFIGURED: string;
