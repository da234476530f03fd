// Bulk invalidations: the list, newest first, with their progress.
import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guard";
import { adminPath } from "@/lib/auth/paths";
import { formatNumber } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { listInvalidations } from "@/lib/moderation/invalidations";
import { AdminHeader } from "../_components/admin-nav";
import { buttonClass, formatDate, tableClass, tdClass, thClass } from "../_components/styles";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.moderation.invalidations.title };
}

export default async function InvalidationsPage({ params }: Props) {
  const { locale, t } = await localeParam(params);
  await requireAdmin(locale);
  const rows = await listInvalidations();
  const m = t.moderation;
  const i = m.invalidations;
  return (
    <>
      <AdminHeader locale={locale} t={m} current="invalidations" title={i.title} />
      <p className="mb-4 max-w-3xl text-muted">{i.intro}</p>
      <p className="mb-6"><Link href={adminPath(locale, "/invalidations/new")} className={buttonClass}>{i.new}</Link></p>
      {rows.length === 0 ? (
        <p>{i.none}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col" className={thClass}>{i.reason}</th>
                <th scope="col" className={thClass}>{i.status}</th>
                <th scope="col" className={`${thClass} text-right`}>{m.search.title}</th>
                <th scope="col" className={thClass}>{i.createdAt}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className={tdClass}><Link href={adminPath(locale, `/invalidations/${r.id}`)} className="text-accent underline">{r.reason}</Link></td>
                  <td className={tdClass}>{i.states[r.status]}</td>
                  <td className={`${tdClass} text-right tabular-nums`}>{formatNumber(locale, r.invalidated)} / {formatNumber(locale, r.matched)}</td>
                  <td className={tdClass}>{formatDate(locale, r.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
