// The CSV of confirmed signers, filtered as the table was, streamed batch by batch
// (lib/signers/export.ts). Through the guard (signers.export); every download, finished
// or not, is recorded in the audit log with its filter and row count.
import { campaignRoute } from "@/lib/auth/guard";
import { logError } from "@/lib/errors";
import { exportConfirmedSigners, exportFileName } from "@/lib/signers/export";
import { recordExport } from "@/lib/signers/mutations";
import { auditFilter, signerFilterSchema } from "@/lib/signers/schemas";

export const dynamic = "force-dynamic";

export const GET = campaignRoute<{ locale: string; campaignId: string }>("signers.export", async (request, { user, campaign, group }) => {
  const filter = signerFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const scope = { campaignId: campaign.id, groupId: group.id };
  const chunks = exportConfirmedSigners(scope, filter);
  const encoder = new TextEncoder();
  let rows = 0;
  let recorded = false;
  const record = async (complete: boolean) => {
    if (recorded) return;
    recorded = true;
    await recordExport(scope, user.id, { filter: auditFilter(filter), rows, complete }).catch((error) => logError("signers export audit", error));
  };
  const body = new ReadableStream<Uint8Array>({
    // One batch per pull: the next is read only when the client has taken this one.
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          rows = next.value;
          await record(true);
          controller.close();
          return;
        }
        rows = next.value.rows;
        controller.enqueue(encoder.encode(next.value.text));
      } catch (error) {
        logError("signers export", error);
        await record(false);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(rows);
      await record(false);
    },
  }, { highWaterMark: 1 });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(campaign.slug)}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
