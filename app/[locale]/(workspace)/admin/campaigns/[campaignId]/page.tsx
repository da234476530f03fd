// One campaign under review: what it says, its state, and the moves that apply.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/guard";
import { adminPath } from "@/lib/auth/paths";
import { format, localePath } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { renderMarkdown } from "@/lib/markdown";
import { getCampaignForReview } from "@/lib/moderation/campaigns";
import { uuid } from "@/lib/moderation/schemas";
import { canMove, takedownReasons, type TakedownReason } from "@/lib/moderation/transitions";
import { AdminHeader } from "../../_components/admin-nav";
import { ApproveForm, RejectForm, RestoreForm, TakedownForm } from "../../_components/review-forms";
import { formatDate } from "../../_components/styles";

type Props = { params: Promise<{ locale: string; campaignId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.moderation.queue.review };
}

export default async function ReviewCampaignPage({ params }: Props) {
  const { locale, t } = await localeParam(params);
  await requireAdmin(locale);
  const { campaignId } = await params;
  if (!uuid.safeParse(campaignId).success) notFound();
  const c = await getCampaignForReview(campaignId);
  if (!c) notFound();
  const m = t.moderation;
  const moves = {
    approve: canMove(c.status, "approve"), reject: canMove(c.status, "reject"),
    takedown: canMove(c.status, "takedown"), restore: canMove(c.status, "restore"),
  };
  const reasonLabel = (takedownReasons as readonly string[]).includes(c.takedownReason ?? "")
    ? m.takedownReasons[c.takedownReason as TakedownReason]
    : (c.takedownReason ?? "");
  return (
    <>
      <AdminHeader locale={locale} t={m} current="queue" title={c.title} />
      <p className="mb-4">
        <Link href={adminPath(locale, `?status=${c.status}`)} className="text-accent underline">{m.review.back}</Link>
      </p>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <article className="space-y-4">
          <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted">
            <li>{format(m.review.state, { status: m.status[c.status] })}</li>
            <li>{format(m.review.group, { group: c.groupName })}</li>
            {c.submittedAt && <li>{format(m.review.submitted, { date: formatDate(locale, c.submittedAt) })}</li>}
            {c.publishedAt && <li>{format(m.review.published, { date: formatDate(locale, c.publishedAt) })}</li>}
            <li>{format(m.review.signatures, { count: c.confirmedCount }, locale)}</li>
          </ul>
          {c.rejectionReason && c.status === "rejected" && <p className="rounded bg-warning-soft p-3 text-warning">{format(m.review.rejectionReason, { reason: c.rejectionReason })}</p>}
          {c.status === "taken_down" && <p className="rounded bg-warning-soft p-3 text-warning">{format(m.review.takenDownBecause, { reason: reasonLabel })}</p>}
          {moves.restore && <RestoreForm t={m} campaignId={c.id} />}
          <section>
            <h2 className="text-lg font-semibold">{m.review.ask}</h2>
            <p>{c.ask}</p>
          </section>
          <section>
            <h2 className="text-lg font-semibold">{m.review.story}</h2>
            <div className="prose max-w-none" dangerouslySetInnerHTML={{ __html: renderMarkdown(c.story) }} />
          </section>
          <section>
            <h2 className="text-lg font-semibold">{m.review.spanish}</h2>
            {c.titleEs || c.askEs ? (
              <div lang="es">
                <p className="font-medium">{c.titleEs}</p>
                <p>{c.askEs}</p>
              </div>
            ) : (
              <p className="text-muted">{m.review.noSpanish}</p>
            )}
          </section>
          {(c.status === "live" || c.status === "closed" || c.status === "won") && (
            <p><Link href={localePath(locale, `/campaigns/${c.slug}`)} className="text-accent underline">{m.review.publicPage}</Link></p>
          )}
        </article>
        <aside className="space-y-4">
          {moves.approve && <ApproveForm t={m} campaignId={c.id} />}
          {moves.reject && <RejectForm t={m} campaignId={c.id} />}
          {moves.takedown && <TakedownForm t={m} campaignId={c.id} />}
          {!moves.approve && !moves.reject && !moves.takedown && !moves.restore && <p className="text-muted">{m.review.noMoves}</p>}
        </aside>
      </div>
    </>
  );
}
