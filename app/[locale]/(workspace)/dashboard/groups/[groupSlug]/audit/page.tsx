import type { Metadata } from "next";
import Link from "next/link";
import { GroupNav } from "@/components/workspace/group-nav";
import { requireGroup } from "@/lib/auth/guard";
import { groupPath } from "@/lib/auth/paths";
import { listAudit } from "@/lib/groups/queries";
import { localeParam } from "@/lib/i18n/server";

type Params = Promise<{ locale: string; groupSlug: string }>;
type Search = Promise<{ before?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.workspace.audit.title };
}

// Details hold ids, counts and filters (never an address): shown as short key: value pairs.
function describe(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([key]) => !key.endsWith("Id"))
    .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join(", ");
}

export default async function AuditPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const { locale, t } = await localeParam(params);
  const { group } = await requireGroup(locale, (await params).groupSlug, "audit.read");
  const raw = (await searchParams).before;
  const before = typeof raw === "string" && /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
  const { rows, older } = await listAudit(group.id, before);
  const a = t.workspace.audit;
  // Message keys are the actions with "_" for "." (catalogue keys are paths).
  const actions: Record<string, string> = a.actions;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <div>
      <h1 className="text-3xl font-bold break-words">{group.name}</h1>
      <GroupNav locale={locale} t={t.workspace.group} groupSlug={group.slug} role={group.role} current="audit" />
      <h2 className="mt-6 text-2xl font-semibold">{a.title}</h2>
      <p className="mt-1 max-w-2xl">{a.intro}</p>
      {rows.length === 0 ? (
        <p className="mt-4">{a.none}</p>
      ) : (
        <div className="mt-4 overflow-x-auto" tabIndex={0} role="region" /* focusable: a keyboard scrolls it sideways on a phone */ aria-label={a.title}>
          <table className="w-full min-w-[40rem] border-collapse text-left text-sm">
            <thead className="sticky top-0 bg-white">
              <tr className="border-b border-line">
                <th scope="col" className="py-2 pr-3 font-semibold">{a.when} (UTC)</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{a.who}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{a.what}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{a.campaign}</th>
                <th scope="col" className="py-2 font-semibold">{a.details}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} className="border-b border-line align-top">
                  <td className="whitespace-nowrap py-2 pr-3 tabular-nums">{when.format(row.at)}</td>
                  <td className="break-all py-2 pr-3">{row.actorEmail ?? a.deletedUser}</td>
                  <td className="py-2 pr-3">{actions[row.action.replaceAll(".", "_")] ?? row.action}</td>
                  <td className="py-2 pr-3">{row.campaignTitle ?? ""}</td>
                  <td className="py-2 text-muted [overflow-wrap:anywhere]">
                    {[row.subjectEmail, describe(row.detail)].filter(Boolean).join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={a.title} className="mt-4 flex flex-wrap gap-4">
        {before !== undefined && (
          <Link href={groupPath(locale, group.slug, "/audit")} className="inline-flex min-h-11 items-center font-medium text-accent underline">
            {a.newest}
          </Link>
        )}
        {older !== null && (
          <Link href={groupPath(locale, group.slug, `/audit?before=${older}`)} className="inline-flex min-h-11 items-center font-medium text-accent underline">
            {a.older}
          </Link>
        )}
      </nav>
    </div>
  );
}
