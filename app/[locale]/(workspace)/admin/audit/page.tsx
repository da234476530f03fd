// The whole audit log for admins: newest first, paged, filtered by action.
import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guard";
import { adminPath } from "@/lib/auth/paths";
import { format } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { AUDIT_PAGE_SIZE, auditActions, listAuditEntries } from "@/lib/moderation/audit";
import { auditFilterSchema } from "@/lib/moderation/schemas";
import { AdminHeader } from "../_components/admin-nav";
import { buttonClass, formatDate, inputClass, tableClass, tdClass, thClass } from "../_components/styles";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.moderation.audit.title };
}

export default async function AuditPage({ params, searchParams }: Props) {
  const { locale, t } = await localeParam(params);
  await requireAdmin(locale);
  const raw = await searchParams;
  const filter = auditFilterSchema.parse({ action: raw.action ?? "", page: raw.page ?? "1" });
  const [{ rows, total }, actions] = await Promise.all([listAuditEntries(filter), auditActions()]);
  const a = t.moderation.audit;
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const pageHref = (p: number) => adminPath(locale, `/audit?${new URLSearchParams({ ...(filter.action ? { action: filter.action } : {}), page: String(p) })}`);
  return (
    <>
      <AdminHeader locale={locale} t={t.moderation} current="audit" title={a.title} />
      <p className="mb-4 text-muted">{a.intro}</p>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="action" className="block font-medium">{a.filter}</label>
          <select id="action" name="action" defaultValue={filter.action} className={inputClass}>
            <option value="">{a.all}</option>
            {actions.map((x) => <option key={x} value={x}>{x}</option>)}
          </select>
        </div>
        <button type="submit" className={buttonClass}>{a.apply}</button>
      </form>
      <p className="mb-2 text-sm text-muted">
        {format(a.total, { count: total }, locale)} · {format(a.page, { page: filter.page, pages })}
      </p>
      {rows.length === 0 ? (
        <p>{a.none}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className={tableClass}>
            <thead>
              <tr>
                <th scope="col" className={thClass}>{a.when}</th>
                <th scope="col" className={thClass}>{a.who}</th>
                <th scope="col" className={thClass}>{a.action}</th>
                <th scope="col" className={thClass}>{a.where}</th>
                <th scope="col" className={thClass}>{a.detail}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className={`${tdClass} whitespace-nowrap`}>{formatDate(locale, r.at)}</td>
                  <td className={`${tdClass} [overflow-wrap:anywhere]`}>{r.actorEmail ?? a.nobody}</td>
                  <td className={`${tdClass} font-mono text-xs`}>{r.action}</td>
                  <td className={tdClass}>
                    {r.groupName}
                    {r.campaignId && r.campaignTitle && (
                      <>
                        {r.groupName && " / "}
                        <Link href={adminPath(locale, `/campaigns/${r.campaignId}`)} className="text-accent underline">{r.campaignTitle}</Link>
                      </>
                    )}
                  </td>
                  <td className={`${tdClass} font-mono text-xs [overflow-wrap:anywhere]`}>
                    {Object.entries(r.detail).map(([key, value]) => (
                      <span key={key} className="block">{key}: {typeof value === "object" ? JSON.stringify(value) : String(value)}</span>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="mt-4 flex gap-4">
        {filter.page > 1 && <Link href={pageHref(filter.page - 1)} className="underline">{a.previous}</Link>}
        {filter.page < pages && <Link href={pageHref(filter.page + 1)} className="underline">{a.next}</Link>}
      </div>
    </>
  );
}
