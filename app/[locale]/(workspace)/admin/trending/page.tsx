// Trending IP hashes and mail domains: signatures per campaign in the last hour.
import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guard";
import { adminPath } from "@/lib/auth/paths";
import { format, formatNumber, type Locale, type Messages } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { trendingDomains, trendingIps, type TrendingRow } from "@/lib/moderation/trending";
import { AdminHeader } from "../_components/admin-nav";
import { buttonClass, inputClass, tableClass, tdClass, thClass } from "../_components/styles";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ min?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.moderation.trending.title };
}

function TrendingTable({ locale, t, rows, kind, minimum }: { locale: Locale; t: Messages["moderation"]; rows: TrendingRow[]; kind: "ip" | "domain"; minimum: number }) {
  const tr = t.trending;
  if (rows.length === 0) return <p>{format(tr.none, { minimum })}</p>;
  return (
    <div className="overflow-x-auto">
      <table className={tableClass}>
        <thead>
          <tr>
            <th scope="col" className={thClass}>{tr.campaign}</th>
            <th scope="col" className={thClass}>{kind === "ip" ? tr.ipHash : tr.domain}</th>
            <th scope="col" className={`${thClass} text-right`}>{tr.count}</th>
            <th scope="col" className={`${thClass} text-right`}>{tr.flagged}</th>
            <th scope="col" className={thClass}><span className="sr-only">{t.search.actions}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const search = adminPath(locale, `/signatures?by=${kind}&q=${encodeURIComponent(r.key)}`);
            const invalidate = adminPath(locale, `/invalidations/new?${kind}=${encodeURIComponent(r.key)}&campaignId=${r.campaignId}`);
            return (
              <tr key={`${r.campaignId}:${r.key}`}>
                <td className={tdClass}>
                  <Link href={adminPath(locale, `/campaigns/${r.campaignId}`)} className="text-accent underline">{r.campaignTitle}</Link>
                </td>
                <td className={`${tdClass} break-all font-mono text-xs`}>{kind === "ip" ? `${r.key.slice(0, 12)}…` : r.key}</td>
                <td className={`${tdClass} text-right tabular-nums`}>{formatNumber(locale, r.signatures)}</td>
                <td className={`${tdClass} text-right tabular-nums`}>{formatNumber(locale, r.flagged)}</td>
                <td className={`${tdClass} whitespace-nowrap`}>
                  <Link href={search} className="mr-3 text-accent underline">{tr.find}</Link>
                  <Link href={invalidate} className="text-accent underline">{tr.invalidate}</Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export default async function TrendingPage({ params, searchParams }: Props) {
  const { locale, t } = await localeParam(params);
  await requireAdmin(locale);
  const minimum = Math.min(Math.max(Number.parseInt((await searchParams).min ?? "10", 10) || 10, 1), 100_000);
  const [ips, domains] = await Promise.all([trendingIps(minimum), trendingDomains(minimum)]);
  const m = t.moderation;
  return (
    <>
      <AdminHeader locale={locale} t={m} current="trending" title={m.trending.title} />
      <p className="mb-4 max-w-3xl text-muted">{m.trending.intro}</p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="min" className="block font-medium">{m.trending.minimum}</label>
          <input id="min" name="min" type="number" min={1} max={100000} defaultValue={minimum} className={`${inputClass} w-32`} />
        </div>
        <button type="submit" className={buttonClass}>{m.trending.show}</button>
      </form>
      <section className="mb-8 space-y-2">
        <h2 className="text-xl font-semibold">{m.trending.ips}</h2>
        <TrendingTable locale={locale} t={m} rows={ips} kind="ip" minimum={minimum} />
      </section>
      <section className="space-y-2">
        <h2 className="text-xl font-semibold">{m.trending.domains}</h2>
        <TrendingTable locale={locale} t={m} rows={domains} kind="domain" minimum={minimum} />
      </section>
    </>
  );
}
