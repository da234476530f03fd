// An import or sync report, as the admin reads it (server or client).
import type { ImportReport } from "@/lib/facts/import/report";
import { format, type Locale, type Messages } from "@/lib/i18n";

export function ReportView({ report, locale, t }: { report: ImportReport; locale: Locale; t: Messages["facts"]["import"] }) {
  return (
    <div className="space-y-3 text-sm">
      <p>{format(t.rows, { read: report.rowsRead, imported: report.rowsImported }, locale)}</p>
      <p className="font-medium">{format(t.awards, { created: report.awardsNew, updated: report.awardsUpdated }, locale)}</p>
      {report.dateOrder && (
        <p>
          {format(t.dates, { order: report.dateOrder === "dmy" ? t.dayFirst : t.monthFirst }, locale)}
          {report.dateOrderAssumed && ` ${t.assumed}`}
        </p>
      )}
      {report.unmatchedRows > 0 && (
        <div>
          <p>{format(t.unmatched, { count: report.unmatchedRows }, locale)}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 font-mono text-xs break-words">
            {report.unmatched.map((u) => (
              <li key={u.name}>
                {u.name} — {u.rows}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.rejectedCount > 0 && (
        <div>
          <p>{format(t.rejected, { count: report.rejectedCount }, locale)}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-xs break-words">
            {report.rejected.map((r) => (
              <li key={`${r.line}-${r.reason}`}>
                {format(t.line, { line: r.line }, locale)}: {r.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
