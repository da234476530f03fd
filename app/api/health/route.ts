// GET /api/health: is the database answering, and is mail keeping up? Counts and ages
// only, no personal data. Always 200 while the database answers (a mail backlog is for
// an operator to act on, not a reason for a load balancer to drop this instance); 503
// when it does not. The number to watch: mail.oldestUnsentTransactionalSeconds.
import { NextResponse } from "next/server";
import { env, mailMode } from "@/lib/env";
import { logError } from "@/lib/errors";
import { outboxHealth } from "@/lib/email/outbox";
import { paceState } from "@/lib/email/pace";

export const dynamic = "force-dynamic";

export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    const [outbox, pace] = await Promise.all([outboxHealth(), paceState()]);
    return NextResponse.json(
      {
        status: "ok",
        database: "ok",
        mail: {
          mode: mailMode,
          ratePerSecond: env.MAIL_RATE_PER_SECOND,
          ...outbox,
          providerRateLimited: pace.rateLimited,
          providerRetryInSeconds: pace.blockedForSeconds,
          providerRefusedInEpisode: pace.refusedInEpisode,
          providerRefusedTotal: pace.refusedTotal,
        },
      },
      { headers },
    );
  } catch (error) {
    logError("health", error);
    return NextResponse.json({ status: "unavailable", database: "unreachable" }, { status: 503, headers: { ...headers, "Retry-After": "5" } });
  }
}
