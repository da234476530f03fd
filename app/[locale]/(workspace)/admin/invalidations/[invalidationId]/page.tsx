// One invalidation: its conditions, how many match, its progress, and what can be done.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/guard";
import { adminPath } from "@/lib/auth/paths";
import { format } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { campaignTitles } from "@/lib/moderation/campaigns";
import { countMatching, getInvalidation } from "@/lib/moderation/invalidations";
import { uuid } from "@/lib/moderation/schemas";
import { AdminHeader } from "../../_components/admin-nav";
import { InvalidationControls } from "../../_components/invalidation-forms";
import { formatDate } from "../../_components/styles";

type Props = { params: Promise<{ locale: string; invalidationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.moderation.invalidations.title };
}

export default async function InvalidationPage({ params }: Props) {
  const { locale, t } = await localeParam(params);
  await requireAdmin(locale);
  const { invalidationId } = await params;
  if (!uuid.safeParse(invalidationId).success) notFound();
  const row = await getInvalidation(invalidationId);
  if (!row) notFound();
  const m = t.moderation;
  const i = m.invalidations;
  // A draft shows what matches now (signatures keep arriving); a started one, what matched at its start.
  const matched = row.status === "draft" ? await countMatching(row) : row.matched;
  const campaign = row.campaignId ? (await campaignTitles([row.campaignId])).get(row.campaignId) : undefined;
  const conditions: [string, string][] = [
    [m.queue.campaign, row.campaignId ? (campaign?.title ?? row.campaignId) : i.anyCampaign],
    ...(row.ipHash ? [[i.ip, row.ipHash] as [string, string]] : []),
    ...(row.emailDomain ? [[i.domain, row.emailDomain] as [string, string]] : []),
    ...(row.emailCanonical ? [[i.email, row.emailCanonical] as [string, string]] : []),
    ...(row.createdAfter ? [[i.createdAfter, formatDate(locale, row.createdAfter)] as [string, string]] : []),
    ...(row.createdBefore ? [[i.createdBefore, formatDate(locale, row.createdBefore)] as [string, string]] : []),
  ];
  return (
    <>
      {row.status === "running" && <meta httpEquiv="refresh" content="5" />}
      <AdminHeader locale={locale} t={m} current="invalidations" title={row.reason} />
      <dl className="mb-6 grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-medium">{i.status}</dt>
        <dd>{i.states[row.status]}</dd>
        {conditions.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium">{label}</dt>
            <dd className="break-all font-mono text-sm">{value}</dd>
          </div>
        ))}
        <dt className="font-medium">{i.createdAt}</dt>
        <dd>{formatDate(locale, row.createdAt)}</dd>
      </dl>
      <p className="mb-2 text-lg font-semibold" role="status">
        {row.status === "draft" ? format(i.matched, { count: matched }, locale) : format(i.progress, { done: row.invalidated, matched })}
      </p>
      <InvalidationControls t={m} locale={locale} id={row.id} status={row.status} matched={matched} />
      <p className="mt-6 flex gap-4">
        {row.status === "running" && <Link href={adminPath(locale, `/invalidations/${row.id}`)} className="text-accent underline">{i.refresh}</Link>}
        <Link href={adminPath(locale, "/invalidations")} className="text-accent underline">{i.title}</Link>
      </p>
    </>
  );
}
