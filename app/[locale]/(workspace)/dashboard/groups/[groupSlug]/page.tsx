import type { Metadata } from "next";
import Link from "next/link";
import { GroupNav } from "@/components/workspace/group-nav";
import { StatusBadge } from "@/components/workspace/status-badge";
import { requireGroup } from "@/lib/auth/guard";
import { groupPath, workspaceCampaignPath } from "@/lib/auth/paths";
import { roleCan } from "@/lib/auth/permissions";
import { listGroupCampaigns } from "@/lib/groups/queries";
import { format, formatNumber } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";

type Params = Promise<{ locale: string; groupSlug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.workspace.group.campaigns };
}

export default async function GroupPage({ params }: { params: Params }) {
  const { locale, t } = await localeParam(params);
  const { group } = await requireGroup(locale, (await params).groupSlug, "group.read");
  const campaigns = await listGroupCampaigns(group.id);
  const w = t.workspace;
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div>
      <h1 className="text-3xl font-bold break-words">{group.name}</h1>
      <GroupNav locale={locale} t={w.group} groupSlug={group.slug} role={group.role} current="campaigns" />
      <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
        <h2 className="text-2xl font-semibold">{w.group.campaigns}</h2>
        {roleCan(group.role, "campaigns.write") && (
          <Link href={groupPath(locale, group.slug, "/campaigns/new")} className="inline-flex min-h-11 items-center rounded bg-accent px-4 font-semibold text-white hover:bg-accent-hover">
            {w.group.newCampaign}
          </Link>
        )}
      </div>
      {campaigns.length === 0 ? (
        <p className="mt-4">{w.group.none}</p>
      ) : (
        <div className="mt-4 overflow-x-auto" tabIndex={0} role="region" /* focusable: a keyboard scrolls it sideways on a phone */ aria-label={w.group.campaigns}>
          <table className="w-full min-w-[36rem] border-collapse text-left">
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-2 pr-3 font-semibold">{w.group.campaign}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{w.group.status}</th>
                <th scope="col" className="py-2 pr-3 text-right font-semibold">{w.group.signatures}</th>
                <th scope="col" className="py-2 font-semibold">{w.group.updated}</th>
              </tr>
            </thead>
            <tbody>
              {campaigns.map((c) => (
                <tr key={c.id} className="border-b border-line">
                  <td className="py-2 pr-3">
                    <Link href={workspaceCampaignPath(locale, c.id)} className="text-accent underline-offset-2 hover:underline">
                      {c.title}
                    </Link>
                  </td>
                  <td className="py-2 pr-3"><StatusBadge status={c.status} t={w.statuses} /></td>
                  <td className="py-2 pr-3 text-right tabular-nums">
                    {c.goal
                      ? format(w.group.ofGoal, { count: formatNumber(locale, c.confirmedCount), goal: formatNumber(locale, c.goal) }, locale)
                      : formatNumber(locale, c.confirmedCount)}
                  </td>
                  <td className="py-2 text-sm text-muted">{dates.format(c.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
