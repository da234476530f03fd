// A campaign's updates: the list with what became of each send, and the week's limit.
import type { Metadata } from "next";
import Link from "next/link";
import { CampaignTabs } from "@/components/workspace/campaign-tabs";
import { requireCampaign } from "@/lib/auth/guard";
import { workspaceCampaignPath } from "@/lib/auth/paths";
import { localizedTitle } from "@/lib/campaigns/queries";
import { format, formatNumber } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { listUpdates } from "@/lib/updates/queries";
import { sendsThisWeek, WEEKLY_SEND_LIMIT } from "@/lib/updates/sending";

type Props = { params: Promise<{ locale: string; campaignId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.updates.title };
}

export default async function UpdatesPage({ params }: Props) {
  const { locale, t } = await localeParam(params);
  const { campaignId } = await params;
  const { campaign } = await requireCampaign(locale, campaignId, "updates.write");
  const [updates, used] = await Promise.all([listUpdates(campaign.id), sendsThisWeek(campaign.id)]);
  const u = t.updates;
  const n = (value: number) => formatNumber(locale, value);
  return (
    <div>
      <p className="text-sm text-muted">{localizedTitle(campaign, locale)}</p>
      <h1 className="text-2xl font-bold">{u.title}</h1>
      <CampaignTabs locale={locale} t={t} campaignId={campaign.id} role={campaign.group.role} current="updates" />
      <p className="mt-4 max-w-prose">{u.intro}</p>
      <p className="mt-2 text-sm text-muted">
        {used >= WEEKLY_SEND_LIMIT ? format(u.weeklyFull, { limit: WEEKLY_SEND_LIMIT }, locale) : format(u.weekly, { used, limit: WEEKLY_SEND_LIMIT }, locale)}
      </p>
      <Link href={workspaceCampaignPath(locale, campaign.id, "/updates/new")} className="mt-4 inline-flex min-h-12 items-center rounded bg-accent px-5 font-semibold text-white hover:bg-accent-hover">
        {u.newUpdate}
      </Link>
      {updates.length === 0 ? (
        <p className="mt-6">{u.none}</p>
      ) : (
        <div className="mt-6 overflow-x-auto">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <thead>
              <tr className="border-b border-line">
                {(["subject", "state", "sent", "delivered", "bounced", "complained", "unsubscribed"] as const).map((c) => (
                  <th key={c} scope="col" className="py-2 pr-3 font-semibold">{u.columns[c]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {updates.map((update) => (
                <tr key={update.id} className="border-b border-line">
                  <td className="py-2 pr-3">
                    <Link href={workspaceCampaignPath(locale, campaign.id, `/updates/${update.id}`)} className="underline">{update.subject}</Link>
                  </td>
                  <td className="py-2 pr-3">{u.states[update.state]}</td>
                  <td className="py-2 pr-3 tabular-nums">{update.state === "draft" || update.state === "scheduled" ? "—" : `${n(update.sent)} / ${n(update.total)}`}</td>
                  <td className="py-2 pr-3 tabular-nums">{n(update.delivered)}</td>
                  <td className="py-2 pr-3 tabular-nums">{n(update.bounced)}</td>
                  <td className="py-2 pr-3 tabular-nums">{n(update.complained)}</td>
                  <td className="py-2 pr-3 tabular-nums">{n(update.unsubscribed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
