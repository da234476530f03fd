// Obligations by fiscal year, stacked by awarding agency: an SVG drawn on the server (no
// chart library reaches the browser), one row per fiscal year so it reads on a phone,
// with the same figures in a table as its text alternative.
import type { CompanyAwards } from "@/lib/facts/queries";
import { formatExactMoney, formatShortMoney } from "@/lib/facts/format";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { agencyLabel } from "./labels";

// Dark enough for 3:1 against white (WCAG 1.4.11), told apart by the legend's names too.
const COLORS = ["#4c1d95", "#b45309", "#0f766e", "#be185d", "#1d4ed8", "#52525b"];

const WIDTH = 400;
const LABEL_W = 52;
const VALUE_W = 96;
const ROW_H = 24;
const BAR_H = 16;

type Cell = CompanyAwards["byFiscalYear"][number];

export function ObligationsChart({ cells, locale, t, currency = "USD" }: { cells: Cell[]; locale: Locale; t: Messages; currency?: string }) {
  if (cells.length === 0) return null;
  const agencyKey = (c: Cell) => c.agency.id ?? c.agency.name;
  const agencies = [...new Map(cells.map((c) => [agencyKey(c), c.agency])).entries()];
  const colorOf = new Map(agencies.map(([key], i) => [key, COLORS[i % COLORS.length]]));
  const first = Math.min(...cells.map((c) => c.fiscalYear));
  const last = Math.max(...cells.map((c) => c.fiscalYear));
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const rows = years.map((year) => {
    const parts = cells.filter((c) => c.fiscalYear === year);
    return { year, parts, total: parts.reduce((n, c) => n + Math.round(c.obligated * 100), 0) / 100 };
  });
  // Negative years (de-obligations larger than obligations) draw as empty; the table has the figure.
  const max = Math.max(...rows.map((r) => r.total), 1);
  const barSpace = WIDTH - LABEL_W - VALUE_W - 8;
  const height = rows.length * ROW_H + 4;
  const fy = (year: number) => format(t.facts.company.fy, { year: String(year) }, locale);
  return (
    <figure className="mt-4">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        className="w-full max-w-lg"
        role="img"
        aria-label={t.facts.company.chartCaption}
        data-chart="obligations"
      >
        {rows.map((row, i) => {
          const y = i * ROW_H + 2;
          let x = LABEL_W;
          return (
            <g key={row.year}>
              <text x={0} y={y + BAR_H - 3} fontSize={12} fill="#52525b">
                {fy(row.year)}
              </text>
              {row.parts.map((part) => {
                const w = Math.max(0, (part.obligated / max) * barSpace);
                const rect = (
                  <rect key={agencyKey(part)} x={x} y={y} width={w} height={BAR_H} fill={colorOf.get(agencyKey(part))}>
                    <title>{`${fy(row.year)} · ${agencyLabel(part.agency)}: ${formatExactMoney(part.obligated, currency, locale)}`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={WIDTH} y={y + BAR_H - 3} fontSize={12} textAnchor="end" fill="#18181b">
                {row.parts.length ? formatShortMoney(row.total, currency, locale) : "—"}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 max-w-prose text-sm text-muted">{t.facts.company.chartCaption}</figcaption>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {agencies.map(([key, agency]) => (
          <li key={key} className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={{ backgroundColor: colorOf.get(key) }} />
            {agency.name}
          </li>
        ))}
      </ul>
      <details className="mt-3">
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-medium text-accent">{t.facts.company.chartTableSummary}</summary>
        <div className="overflow-x-auto">
          <table className="mt-2 w-full min-w-max border-collapse text-sm">
            <caption className="sr-only">{t.facts.company.obligationsHeading}</caption>
            <thead>
              <tr className="border-b border-line text-left">
                <th scope="col" className="py-2 pr-4">{t.facts.company.fiscalYear}</th>
                {agencies.map(([key, agency]) => (
                  <th key={key} scope="col" className="py-2 pr-4 text-right">{agencyLabel(agency)}</th>
                ))}
                <th scope="col" className="py-2 text-right">{t.facts.company.yearTotal}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.year} className="border-b border-line">
                  <th scope="row" className="py-1.5 pr-4 text-left font-medium">{fy(row.year)}</th>
                  {agencies.map(([key]) => {
                    const part = row.parts.find((p) => agencyKey(p) === key);
                    return (
                      <td key={key} className="py-1.5 pr-4 text-right tabular-nums">
                        {part ? formatExactMoney(part.obligated, currency, locale) : "—"}
                      </td>
                    );
                  })}
                  <td className="py-1.5 text-right tabular-nums">{row.parts.length ? formatExactMoney(row.total, currency, locale) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
