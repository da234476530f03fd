import "server-only";
// The provider's delivery events (Resend, signed by Svix). A hard bounce or a spam
// complaint marks the delivery and adds the address to the suppression list, which
// every later send respects. Nothing about opens or clicks is asked for or kept.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, queryRows } from "@/db/client";
import { canonicalEmail } from "@/lib/signatures/canonical-email";

const eventSchema = z.object({
  type: z.string().max(100),
  data: z
    .object({
      email_id: z.string().max(200).optional(),
      to: z.array(z.string().max(320)).max(50).optional(),
      bounce: z.object({ type: z.string().max(100).optional() }).passthrough().optional(),
    })
    .passthrough(),
});

export type WebhookOutcome = "handled" | "ignored" | "duplicate" | "invalid";

/** Handles one verified event; `messageId` is its svix-id, so a replay changes nothing. */
export async function handleResendEvent(messageId: string, payload: unknown): Promise<WebhookOutcome> {
  const parsed = eventSchema.safeParse(payload);
  if (!parsed.success) return "invalid";
  const { type, data } = parsed.data;
  // Transient bounces (a full mailbox) are retried by the provider; only permanent ones suppress.
  const suppress =
    type === "email.complained" ? ("complaint" as const)
    : type === "email.bounced" && data.bounce?.type !== "Transient" ? ("bounce" as const)
    : null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const fresh = await queryRows(tx, sql`insert into webhook_events (id) values (${messageId}) on conflict do nothing returning id`);
    if (fresh.length === 0) return "duplicate";
    if (!suppress) return "ignored";
    const status = suppress === "complaint" ? "complained" : "bounced";
    if (data.email_id) {
      await tx.execute(sql`update update_deliveries set status = ${status}::update_delivery_status where provider_id = ${data.email_id}`);
    }
    for (const address of data.to ?? []) {
      await tx.execute(
        sql`insert into suppressions (email_canonical, reason) values (${canonicalEmail(address)}, ${suppress}::suppression_reason)
            on conflict (email_canonical) do nothing`,
      );
    }
    return "handled";
  });
}
