import "server-only";
// The signing limits and allow/block lists admins edit while the app runs. One row
// (moderation_settings); a limit left empty there is the env default. The signing
// path reads them through a 5-second cache (answered stale while one reader reloads),
// so a change reaches every instance within seconds and costs signing no query.
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db/client";
import { moderationSettings } from "@/db/schema";
import { env } from "@/lib/env";
import { shortCache } from "@/lib/short-cache";
import { compileLists, emptyLists, listNames, type CompiledLists, type Lists } from "./lists";

export const limitNames = ["perIp", "perIpBurst", "perIpSustained", "perEmail"] as const;
export type LimitName = (typeof limitNames)[number];
export type LimitValue = { max: number; seconds: number };
export type Limits = Record<LimitName, LimitValue>;

export function defaultLimits(): Limits {
  return {
    perIp: env.SIGN_LIMIT_PER_IP,
    perIpBurst: env.SIGN_LIMIT_PER_IP_BURST,
    perIpSustained: env.SIGN_LIMIT_PER_IP_SUSTAINED,
    perEmail: env.SIGN_LIMIT_PER_EMAIL,
  };
}

const limitValue = z.object({ max: z.number().int().min(1).max(1_000_000), seconds: z.number().int().min(1).max(86_400) });
const storedSchema = z.object({
  limits: z.partialRecord(z.enum(limitNames), limitValue).catch({}),
  lists: z.partialRecord(z.enum(listNames), z.array(z.string())).catch({}),
});

export type ModerationSettings = { limits: Limits; lists: Lists; overridden: LimitName[]; updatedAt: Date | null };
export type SigningRules = ModerationSettings & { compiled: CompiledLists };

export async function loadModerationSettings(db?: DbOrTx): Promise<ModerationSettings> {
  const conn = db ?? (await getDb());
  const [row] = await conn.select().from(moderationSettings).where(eq(moderationSettings.id, 1)).limit(1);
  const stored = storedSchema.parse(row ?? { limits: {}, lists: {} });
  return {
    limits: { ...defaultLimits(), ...stored.limits },
    lists: { ...emptyLists(), ...stored.lists },
    overridden: limitNames.filter((n) => stored.limits[n]),
    updatedAt: row?.updatedAt ?? null,
  };
}

const cache = shortCache("moderation-settings", 4);
const RULES_KEY = "signing-rules";

/** What signing checks against: at most ~5 s old, never waited for once loaded. */
export function signingRules(): Promise<SigningRules> {
  return cache.lookup(
    RULES_KEY,
    async () => {
      const settings = await loadModerationSettings();
      return { ...settings, compiled: compileLists(settings.lists) };
    },
    { ttlMs: 5000, staleMs: 60_000 },
  ).value;
}

/** After a change here: this instance uses it at once, others within the cache's 5 s. */
export function forgetSigningRules(): void {
  cache.invalidate(RULES_KEY);
}

/** Stores limits (null: back to the env default) and lists; call in the transaction that audits it. */
export async function saveModerationSettings(
  tx: DbOrTx,
  change: { limits?: Partial<Record<LimitName, LimitValue | null>>; lists?: Partial<Lists> },
  userId: string,
): Promise<void> {
  const current = await loadModerationSettings(tx);
  const limits: Partial<Limits> = {};
  for (const name of current.overridden) limits[name] = current.limits[name];
  for (const [name, value] of Object.entries(change.limits ?? {}) as [LimitName, LimitValue | null][]) {
    if (value) limits[name] = value;
    else delete limits[name];
  }
  const lists = { ...current.lists, ...change.lists };
  await tx
    .insert(moderationSettings)
    .values({ id: 1, limits, lists, updatedBy: userId })
    .onConflictDoUpdate({ target: moderationSettings.id, set: { limits, lists, updatedBy: userId, updatedAt: sql`now()` } });
}
