// The environment, validated once. Nothing else reads process.env.
import { z } from "zod";

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
export const mailMode: "resend" | "capture" = env.RESEND_API_KEY ? "resend" : "capture";
export const dbMode: "postgres" | "embedded" = env.DATABASE_URL ? "postgres" : "embedded";
