import Link from "next/link";
import { format, type Locale, type Messages } from "@/lib/i18n";
import type { SignerRow } from "@/lib/signers/queries";

// The signers table: a scrolling box whose header stays in view, the signers newest first.
export function SignersTable({
  locale, t, rows, matching, removeHref, canRemove,
}: {
  locale: Locale;
  t: Messages["signers"];
  rows: SignerRow[];
  matching: number;
  removeHref: (id: string) => string;
  canRemove: boolean;
}) {
  const date = new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const th = "sticky top-0 z-10 border-b border-line bg-white px-3 py-2 text-left font-semibold";
  return (
    <div role="region" aria-labelledby="signers-caption" tabIndex={0} className="mt-4 max-h-[70vh] overflow-auto rounded-lg border border-line">
      <table className="w-full min-w-[48rem] border-collapse text-sm">
        <caption id="signers-caption" className="px-3 py-2 text-left text-muted">
          {format(t.table.caption, { count: matching }, locale)}
        </caption>
        <thead>
          <tr>
            <th scope="col" className={th}>{t.table.name}</th>
            <th scope="col" className={th}>{t.table.email}</th>
            <th scope="col" className={th}>{t.table.status}</th>
            <th scope="col" className={th}>{t.table.signed}</th>
            <th scope="col" className={th}>{t.table.optedIn}</th>
            <th scope="col" className={th}>{t.table.source}</th>
            <th scope="col" className={th}>{t.table.shown}</th>
            {canRemove && <th scope="col" className={th}><span className="sr-only">{t.table.actions}</span></th>}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr><td colSpan={canRemove ? 8 : 7} className="px-3 py-6 text-center text-muted">{t.table.empty}</td></tr>
          )}
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-line last:border-0 odd:bg-zinc-50">
              <th scope="row" className="px-3 py-2 text-left font-medium">{row.fullName}</th>
              <td className="px-3 py-2 break-all">{row.email}</td>
              <td className="px-3 py-2">{t.statuses[row.status]}</td>
              <td className="px-3 py-2 whitespace-nowrap tabular-nums">{date.format(row.createdAt)}</td>
              <td className="px-3 py-2">{row.optedIn ? t.table.yes : t.table.no}</td>
              <td className="px-3 py-2">{row.shared ? t.table.sourceShared : t.table.sourceDirect}</td>
              <td className="px-3 py-2">{row.showName ? t.table.yes : t.table.no}</td>
              {canRemove && (
                <td className="px-3 py-1 text-right">
                  <Link href={removeHref(row.id)} aria-label={format(t.table.removeLabel, { name: row.fullName }, locale)}
                    className="inline-flex min-h-11 items-center px-2 text-danger underline">
                    {t.table.remove}
                  </Link>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
