// Signature search across campaigns, with per-signature actions.
import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guard";
import { adminPath } from "@/lib/auth/paths";
import { format } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { searchKinds, searchSchema } from "@/lib/moderation/schemas";
import { SEARCH_LIMIT, searchSignatures } from "@/lib/moderation/search";
import { AdminHeader } from "../_components/admin-nav";
import { fieldText } from "../_components/message-text";
import { SignatureActions } from "../_components/signature-actions";
import { buttonClass, formatDate, inputClass, tableClass, tdClass, thClass } from "../_components/styles";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.moderation.search.title };
}

export default async function SignatureSearchPage({ params, searchParams }: Props) {
  const { locale, t } = await localeParam(params);
  await requireAdmin(locale);
  const raw = await searchParams;
  const m = t.moderation;
  const parsed = searchSchema.safeParse({ by: String(raw.by ?? "email"), q: String(raw.q ?? "").slice(0, 1000) });
  const by = parsed.success ? parsed.data.by : searchKinds.includes(raw.by as never) ? (raw.by as (typeof searchKinds)[number]) : "email";
  const q = typeof raw.q === "string" ? raw.q.slice(0, 254) : "";
  const error = parsed.success ? null : fieldText(m, parsed.error.issues[0]?.message ?? "invalid");
  const found = parsed.success && parsed.data.q ? await searchSignatures(parsed.data.by, parsed.data.q) : null;
  return (
    <>
      <AdminHeader locale={locale} t={m} current="signatures" title={m.search.title} />
      <p className="mb-4 max-w-3xl text-muted">{m.search.intro}</p>
      <form method="get" role="search" className="mb-6 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="by" className="block font-medium">{m.search.by}</label>
          <select id="by" name="by" defaultValue={by} className={inputClass}>
            {searchKinds.map((k) => <option key={k} value={k}>{m.search.kinds[k]}</option>)}
          </select>
        </div>
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="block font-medium">{m.search.query}</label>
          <input id="q" name="q" type="search" defaultValue={q} maxLength={254} className={inputClass} aria-invalid={Boolean(error)}
            aria-describedby={error ? "q-error" : undefined} autoComplete="off" spellCheck={false} />
        </div>
        <button type="submit" className={buttonClass}>{m.search.submit}</button>
        {error && <p id="q-error" className="w-full font-medium text-danger">{error}</p>}
      </form>
      {found && (
        <section aria-live="polite">
          <p className="mb-2 font-medium">
            {format(m.search.results, { count: found.total }, locale)}{" "}
            {found.total > SEARCH_LIMIT && format(m.search.limited, { shown: SEARCH_LIMIT })}
          </p>
          {found.rows.length > 0 && (
            <div className="overflow-x-auto">
              <table className={`${tableClass} max-sm:block`}>
                <thead className="max-sm:sr-only">
                  <tr>
                    <th scope="col" className={thClass}>{m.search.signer}</th>
                    <th scope="col" className={thClass}>{m.search.campaign}</th>
                    <th scope="col" className={thClass}>{m.search.status}</th>
                    <th scope="col" className={thClass}>{m.search.created}</th>
                    <th scope="col" className={thClass}>{m.search.actions}</th>
                  </tr>
                </thead>
                <tbody className="max-sm:block">
                  {found.rows.map((r) => (
                    <tr key={r.id} className="max-sm:block max-sm:border-b max-sm:border-line max-sm:py-2">
                      <td className={`${tdClass} max-sm:block max-sm:border-0 max-sm:py-1 break-words`}>
                        <span className="font-medium">{r.fullName}</span>
                        <br />
                        {r.email}
                        {r.postalCode && <><br />{r.postalCode}</>}
                        {r.subscribed && <><br /><span className="text-xs text-muted">{m.search.subscribed}</span></>}
                      </td>
                      <td className={`${tdClass} max-sm:block max-sm:border-0 max-sm:py-1`}>
                        <Link href={adminPath(locale, `/campaigns/${r.campaignId}`)} className="text-accent underline">{r.campaignTitle}</Link>
                      </td>
                      <td className={`${tdClass} max-sm:block max-sm:border-0 max-sm:py-1`}>
                        {m.signatureStatus[r.status]}
                        {r.flaggedReason && <><br /><span className="text-xs text-warning">{m.search.flagged}: {r.flaggedReason}</span></>}
                      </td>
                      <td className={`${tdClass} max-sm:block max-sm:border-0 max-sm:py-1 whitespace-nowrap`}>{formatDate(locale, r.createdAt)}</td>
                      <td className={`${tdClass} max-sm:block max-sm:border-0 max-sm:py-1`}>
                        <SignatureActions t={m} signatureId={r.id} status={r.status} subscribed={r.subscribed} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}
