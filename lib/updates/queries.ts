import "server-only";
// Reading updates for the organizer pages: always through the campaign the guard resolved.
import { sql } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import type { UpdateAudience, UpdateState } from "@/db/schema";
import { isUuid } from "@/lib/uuid";

export type UpdateSummary = {
  id: string;
  kind: string;
  subject: string;
  state: UpdateState;
  scheduledAt: Date | null;
  startedAt: Date | null;
  createdAt: Date;
  total: number;
  sent: number;
  delivered: number;
  bounced: number;
  complained: number;
  unsubscribed: number;
  failed: number;
  suppressed: number;
};

const counts = sql`
  u.recipient_count::int as total,
  count(d.id) filter (where d.status in ('sent', 'bounced', 'complained'))::int as sent,
  count(d.id) filter (where d.status = 'sent')::int as delivered,
  count(d.id) filter (where d.status = 'bounced')::int as bounced,
  count(d.id) filter (where d.status = 'complained')::int as complained,
  count(d.id) filter (where d.unsubscribed_at is not null)::int as unsubscribed,
  count(d.id) filter (where d.status = 'failed')::int as failed,
  count(d.id) filter (where d.status = 'suppressed')::int as suppressed`;

const columns = sql`u.id, u.kind, u.subject, u.state, u.scheduled_at as "scheduledAt", u.started_at as "startedAt", u.created_at as "createdAt"`;

/** A campaign's updates, newest first, with their delivery counts. */
export async function listUpdates(campaignId: string): Promise<UpdateSummary[]> {
  return queryRows<UpdateSummary>(
    await getDb(),
    sql`select ${columns}, ${counts}
        from campaign_updates u left join update_deliveries d on d.update_id = u.id
        where u.campaign_id = ${campaignId}
        group by u.id order by u.created_at desc limit 200`,
  );
}

export type UpdateDetail = UpdateSummary & {
  subjectEs: string;
  body: string;
  bodyEs: string;
  audience: UpdateAudience;
  limitOverridden: Date | null;
};

/** One update of the campaign, with its progress; null for another campaign's id or a bad id. */
export async function findUpdate(campaignId: string, updateId: string): Promise<UpdateDetail | null> {
  if (!isUuid(updateId)) return null;
  const [row] = await queryRows<UpdateDetail>(
    await getDb(),
    sql`select ${columns}, u.subject_es as "subjectEs", u.body, u.body_es as "bodyEs", u.audience,
               u.limit_overridden_at as "limitOverridden", ${counts}
        from campaign_updates u left join update_deliveries d on d.update_id = u.id
        where u.campaign_id = ${campaignId} and u.id = ${updateId}
        group by u.id`,
  );
  return row ?? null;
}
