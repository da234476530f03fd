// The environment, validated once. Nothing else reads process.env.
import { z } from "zod";
import { MAIL_NOT_CONFIGURED, resolveMailMode, type MailMode } from "@/server/mail-mode.mjs";
import { trustProxyProblem } from "@/server/trust-proxy.mjs";

const limit = z
  .string()
  .regex(/^\d+\/\d+$/, "use COUNT/SECONDS, e.g. 10/600")
  .transform((s) => {
    const [max, seconds] = s.split("/").map(Number);
    return { max, seconds };
  });

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().positive().default(3000),
  APP_URL: z.url().optional(),
  DATA_DIR: z.string().min(1).default("./.data"),
  DATABASE_URL: z.url().optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().positive().default(10),
  APP_SECRET: z.string().min(32, "APP_SECRET must be at least 32 characters").optional(),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().optional(),
  // The signing secret of the Resend webhook (Resend → Webhooks → the endpoint's "Signing secret").
  RESEND_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/=]{16,}$/, "RESEND_WEBHOOK_SECRET must be the endpoint's signing secret (whsec_…)")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Cut Ties <no-reply@cutties.localhost>"),
  // The provider's API rate for the whole team (Resend: 2 by default), shared by every process.
  MAIL_RATE_PER_SECOND: z.coerce.number().positive().max(1000).default(2),
  // Per IP: over the soft limit a signature is accepted but flagged for review; over
  // the burst or sustained limit it is refused (429). A campus rally shares one IP.
  SIGN_LIMIT_PER_IP: limit.default({ max: 20, seconds: 600 }),
  SIGN_LIMIT_PER_IP_BURST: limit.default({ max: 200, seconds: 60 }),
  SIGN_LIMIT_PER_IP_SUSTAINED: limit.default({ max: 1000, seconds: 3600 }),
  SIGN_LIMIT_PER_EMAIL: limit.default({ max: 6, seconds: 3600 }),
  JOBS: z.enum(["on", "off"]).default("on"),
  // Contract facts: refresh every company's awards from the USAspending API on a schedule
  // (pg-boss, needs JOBS=on). Off by default: the API is public but the refresh is the
  // operator's choice. The base URL is for tests (a local stand-in) and mirrors.
  FACTS_SYNC: z.enum(["on", "off"]).default("off"),
  FACTS_SYNC_CRON: z
    .string()
    .regex(/^(\S+\s+){4}\S+$/, "use a five-field cron expression, e.g. 23 4 * * 1")
    .default("23 4 * * 1"),
  USASPENDING_API_URL: z.url().default("https://api.usaspending.gov"),
  USASPENDING_TIMEOUT_SECONDS: z.coerce.number().positive().max(600).default(30),
  // Which proxies may name the client (X-Forwarded-For): none by default. The server
  // applies it (server/trust-proxy.mjs); checked here too so a typo stops every process.
  TRUST_PROXY: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const problem = trustProxyProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  // Keep mail for /dev/mailbox instead of sending it, on PostgreSQL too (embedded mode does by default).
  MAIL_CAPTURE: z.enum(["on", "off"]).optional(),
  // Who may moderate: a comma-separated list of addresses. In embedded mode the seeded
  // demo admin (admin@example.org) is one when this is unset.
  ADMIN_EMAILS: z
    .string()
    .optional()
    .transform((list) => (list ?? "").split(",").map((e) => e.trim().toLowerCase()).filter(Boolean))
    .pipe(z.array(z.email("ADMIN_EMAILS must be email addresses separated by commas"))),
});

export type Env = z.infer<typeof schema>;

function parseEnv(): Env {
  const raw = Object.fromEntries(
    Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = schema.safeParse(raw);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv();

export const appUrl = (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
/**
 * "resend" with a key; "capture" in embedded mode or with MAIL_CAPTURE=on;
 * "unconfigured" on PostgreSQL with neither, where `npm start` and `npm run worker`
 * refuse to start (mailModeProblem says why) and nothing is captured.
 */
export const mailMode: MailMode = resolveMailMode(env);
export const mailModeProblem: string | null = mailMode === "unconfigured" ? MAIL_NOT_CONFIGURED : null;
export const dbMode: "postgres" | "embedded" = env.DATABASE_URL ? "postgres" : "embedded";
