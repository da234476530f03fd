// The review queue: campaigns by state with counts, submitted first.
import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guard";
import { adminPath } from "@/lib/auth/paths";
import { formatNumber } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { campaignCountsByStatus, listCampaignsByStatus, PAGE_SIZE, queueStatuses } from "@/lib/moderation/campaigns";
import type { CampaignStatus } from "@/lib/moderation/transitions";
import { AdminHeader } from "./_components/admin-nav";
import { formatDate, tableClass, tdClass, thClass } from "./_components/styles";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ status?: string; page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.moderation.queue.title };
}

export default async function AdminQueuePage({ params, searchParams }: Props) {
  const { locale, t } = await localeParam(params);
  await requireAdmin(locale);
  const query = await searchParams;
  const status: CampaignStatus = queueStatuses.includes(query.status as CampaignStatus) ? (query.status as CampaignStatus) : "submitted";
  const page = Math.min(Math.max(Number.parseInt(query.page ?? "1", 10) || 1, 1), 10_000);
  const [counts, rows] = await Promise.all([campaignCountsByStatus(), listCampaignsByStatus(status, page)]);
  const m = t.moderation;
  const shown = rows.slice(0, PAGE_SIZE);
  const pageHref = (p: number) => adminPath(locale, `?status=${status}&page=${p}`);
  return (
    <>
      <AdminHeader locale={locale} t={m} current="queue" title={m.queue.title} />
      <p className="mb-4 text-muted">{m.queue.intro}</p>
      <nav aria-label={m.queue.tabsLabel} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {queueStatuses.map((s) => (
            <li key={s}>
              <Link
                href={adminPath(locale, `?status=${s}`)}
                aria-current={s === status ? "page" : undefined}
                className="inline-flex min-h-11 items-center gap-2 rounded-full border border-line px-3 text-sm font-medium aria-[current=page]:border-accent aria-[current=page]:bg-accent-soft"
              >
                {m.status[s]} <span className="rounded-full bg-zinc-100 px-2 tabular-nums">{formatNumber(locale, counts[s])}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {shown.length === 0 ? (
        <p>{m.queue.empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col" className={thClass}>{m.queue.campaign}</th>
                <th scope="col" className={thClass}>{m.queue.group}</th>
                <th scope="col" className={thClass}>{m.queue.since}</th>
                <th scope="col" className={`${thClass} text-right`}>{m.queue.signatures}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id}>
                  <td className={tdClass}>
                    <Link href={adminPath(locale, `/campaigns/${r.id}`)} className="font-medium text-accent underline">{r.title}</Link>
                  </td>
                  <td className={tdClass}>{r.groupName}</td>
                  <td className={tdClass}>{formatDate(locale, status === "submitted" ? r.submittedAt : r.updatedAt)}</td>
                  <td className={`${tdClass} text-right tabular-nums`}>{formatNumber(locale, r.confirmedCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-4 flex gap-3">
        {page > 1 && <Link className="underline" href={pageHref(page - 1)}>{m.queue.newer}</Link>}
        {rows.length > PAGE_SIZE && <Link className="underline" href={pageHref(page + 1)}>{m.queue.older}</Link>}
      </div>
    </>
  );
}
