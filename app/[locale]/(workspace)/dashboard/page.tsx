import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/workspace/status-badge";
import { requireUser } from "@/lib/auth/guard";
import { groupPath, workspaceCampaignPath } from "@/lib/auth/paths";
import { listMyGroups } from "@/lib/groups/queries";
import { format } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { CreateGroupForm } from "./create-group-form";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.workspace.shell.dashboard };
}

export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await localeParam(params);
  const user = await requireUser(locale);
  const groups = await listMyGroups(user.id);
  const w = t.workspace;
  return (
    <div className="space-y-10">
      <section aria-labelledby="groups-title">
        <h1 id="groups-title" className="text-3xl font-bold">{w.dashboard.title}</h1>
        <p className="mt-2 max-w-2xl text-lg">{w.dashboard.intro}</p>
        {groups.length === 0 && <p className="mt-6 font-medium">{w.dashboard.none}</p>}
        <ul className="mt-6 grid gap-4 md:grid-cols-2">
          {groups.map((g) => (
            <li key={g.id} className="rounded-lg border border-line p-4">
              <h2 className="text-xl font-semibold">
                <Link href={groupPath(locale, g.slug)} className="text-accent underline-offset-2 hover:underline">
                  {g.name}
                </Link>
              </h2>
              <p className="text-sm text-muted">
                {w.dashboard.kinds[g.kind]} · {format(w.dashboard.roleLabel, { role: w.roles[g.role] }, locale)}
              </p>
              {g.campaigns.length === 0 ? (
                <p className="mt-3 text-muted">{w.dashboard.noCampaigns}</p>
              ) : (
                <ul className="mt-3 divide-y divide-line">
                  {g.campaigns.map((c) => (
                    <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                      <Link href={workspaceCampaignPath(locale, c.id)} className="min-w-0 break-words underline-offset-2 hover:underline">
                        {c.title}
                      </Link>
                      <span className="flex items-center gap-2 text-sm">
                        <span className="tabular-nums">{format(w.group.count, { count: c.confirmedCount }, locale)}</span>
                        <StatusBadge status={c.status} t={w.statuses} />
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="create-title" className="max-w-xl">
        <h2 id="create-title" className="text-2xl font-bold">{w.dashboard.createTitle}</h2>
        <p className="mt-1">{w.dashboard.createIntro}</p>
        <CreateGroupForm locale={locale} t={{ dashboard: w.dashboard, errors: w.errors, fields: w.fields }} />
      </section>
    </div>
  );
}
