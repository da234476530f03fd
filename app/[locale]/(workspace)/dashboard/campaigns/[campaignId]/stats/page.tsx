import type { Metadata } from "next";
import { CampaignTabs } from "@/components/workspace/campaign-tabs";
import { DailyChart, fillDays } from "@/components/signers/daily-chart";
import { requireCampaign } from "@/lib/auth/guard";
import { localizedTitle } from "@/lib/campaigns/queries";
import { format, formatNumber } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { confirmationRate, getCampaignStats } from "@/lib/signers/stats";

type Props = { params: Promise<{ locale: string; campaignId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.workspace.tabs.stats };
}

const th = "border-b border-line px-3 py-2 text-left font-semibold";
const td = "border-b border-line px-3 py-2";
const num = `${td} text-right tabular-nums`;

export default async function StatsPage({ params }: Props) {
  const { locale, t } = await localeParam(params);
  const { campaignId } = await params;
  const { campaign, group } = await requireCampaign(locale, campaignId, "campaigns.read");
  const stats = await getCampaignStats({ campaignId: campaign.id, groupId: group.id });
  const ts = t.signers.stats;
  const n = (value: number) => formatNumber(locale, value);
  const days = fillDays(stats.days);
  const busiest = stats.days.reduce((best, d) => (d.confirmed + d.pending > best.confirmed + best.pending ? d : best), stats.days[0] ?? { day: "", confirmed: 0, pending: 0 });
  const dayTotal = stats.days.reduce((sum, d) => sum + d.confirmed + d.pending, 0);
  const rate = confirmationRate(stats.confirmed, stats.pending);
  const shared = stats.sources.find((s) => s.source === "shared")?.total ?? 0;
  const dateOf = (day: string) => new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

  return (
    <div>
      <p className="text-sm text-muted">{group.name}</p>
      <h1 className="text-2xl font-bold">{format(ts.title, { campaign: localizedTitle(campaign, locale) }, locale)}</h1>
      <CampaignTabs locale={locale} t={t} campaignId={campaign.id} role={group.role} current="stats" />

      <section aria-labelledby="per-day" className="mt-6">
        <h2 id="per-day" className="text-xl font-semibold">{ts.perDay}</h2>
        {stats.days.length === 0 ? <p className="mt-2">{ts.noSignatures}</p> : (
          <>
            <p id="per-day-summary" className="mt-2 max-w-3xl">
              {format(ts.perDaySummary, {
                days: days.length, total: dayTotal,
                confirmed: n(stats.days.reduce((s, d) => s + d.confirmed, 0)), pending: n(stats.days.reduce((s, d) => s + d.pending, 0)),
                busiest: dateOf(busiest.day), busiestCount: n(busiest.confirmed + busiest.pending),
              }, locale)}
            </p>
            <p className="text-sm text-muted">{ts.perDayNote}</p>
            <DailyChart days={stats.days} labelledBy="per-day-summary" legend={{ confirmed: ts.confirmed, pending: ts.pending }} />
            <details className="mt-3">
              <summary className="min-h-11 cursor-pointer py-2 underline">{ts.tableToggle}</summary>
              <table className="mt-2 text-sm">
                <thead><tr><th scope="col" className={th}>{ts.day}</th><th scope="col" className={`${th} text-right`}>{ts.confirmed}</th><th scope="col" className={`${th} text-right`}>{ts.pending}</th></tr></thead>
                <tbody>
                  {[...days].reverse().map((d) => (
                    <tr key={d.day}><th scope="row" className={`${td} text-left font-normal`}>{dateOf(d.day)}</th><td className={num}>{n(d.confirmed)}</td><td className={num}>{n(d.pending)}</td></tr>
                  ))}
                </tbody>
              </table>
            </details>
          </>
        )}
      </section>

      <section aria-labelledby="sources" className="mt-8">
        <h2 id="sources" className="text-xl font-semibold">{ts.sources}</h2>
        <p className="mt-2">{format(ts.sourcesSummary, { shared: n(shared), total: n(stats.total) }, locale)}</p>
        <table className="mt-2 text-sm">
          <thead><tr><th scope="col" className={th}>{ts.source}</th><th scope="col" className={`${th} text-right`}>{ts.total}</th><th scope="col" className={`${th} text-right`}>{ts.confirmed}</th></tr></thead>
          <tbody>
            {(["direct", "shared"] as const).map((source) => {
              const row = stats.sources.find((s) => s.source === source) ?? { total: 0, confirmed: 0 };
              return <tr key={source}><th scope="row" className={`${td} text-left font-normal`}>{ts[source]}</th><td className={num}>{n(row.total)}</td><td className={num}>{n(row.confirmed)}</td></tr>;
            })}
          </tbody>
        </table>
        <h3 className="mt-4 font-semibold">{ts.channels}</h3>
        <p className="mt-1 max-w-3xl text-muted">{ts.channelsNotRecorded}</p>
      </section>

      <section aria-labelledby="rate" className="mt-8">
        <h2 id="rate" className="text-xl font-semibold">{ts.rate}</h2>
        <p className="mt-2">{rate === null ? ts.rateNone : format(ts.rateOverall, { rate, confirmed: n(stats.confirmed), total: n(stats.confirmed + stats.pending) }, locale)}</p>
        {stats.domains.length > 0 && (
          <>
            <h3 className="mt-4 font-semibold">{ts.byDomain}</h3>
            <p className="max-w-3xl text-sm text-muted">{ts.byDomainNote}</p>
            <table className="mt-2 text-sm">
              <thead><tr><th scope="col" className={th}>{ts.domain}</th><th scope="col" className={`${th} text-right`}>{ts.total}</th><th scope="col" className={`${th} text-right`}>{ts.rateColumn}</th></tr></thead>
              <tbody>
                {stats.domains.map((d) => (
                  <tr key={d.domain}>
                    <th scope="row" className={`${td} text-left font-normal`}>{d.domain}</th>
                    <td className={num}>{n(d.total)}</td>
                    <td className={num}>{confirmationRate(d.confirmed, d.total - d.confirmed)}%</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </div>
  );
}
