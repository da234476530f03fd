// What an import or sync tells the admin: rows read, awards new and updated, the recipient
// names no alias matched (the most frequent first, to add as aliases), rejected rows.
import type { Layout } from "./layout";
import type { DateOrder } from "./dates";
import { recipientLabel, type AwardRecord } from "./layout";

export type ImportReport = {
  source: string;
  layout: Layout | "api";
  rowsRead: number;
  rowsImported: number;
  awardsNew: number;
  awardsUpdated: number;
  rejectedCount: number;
  /** The first MAX_LISTED rejected rows. */
  rejected: { line: number; reason: string }[];
  unmatchedRows: number;
  /** Recipient names no alias matched, most rows first. */
  unmatched: { name: string; rows: number }[];
  dateOrder: DateOrder | null;
  dateOrderAssumed: boolean;
  seconds: number;
};

const MAX_LISTED = 100;
const MAX_NAMES = 20_000; // distinct names counted; past it only known names are (memory stays bounded)
const TOP_NAMES = 20;

export class ReportBuilder {
  rowsRead = 0;
  rowsImported = 0;
  rejectedCount = 0;
  unmatchedRows = 0;
  private readonly rejected: { line: number; reason: string }[] = [];
  private readonly names = new Map<string, number>();

  reject(line: number, reason: string): void {
    this.rejectedCount++;
    if (this.rejected.length < MAX_LISTED) this.rejected.push({ line, reason });
  }

  unmatched(award: Pick<AwardRecord, "recipientName" | "recipientParentName">): void {
    this.unmatchedRows++;
    const name = recipientLabel(award);
    const count = this.names.get(name);
    if (count !== undefined) this.names.set(name, count + 1);
    else if (this.names.size < MAX_NAMES) this.names.set(name, 1);
  }

  build(fields: Pick<ImportReport, "source" | "layout" | "awardsNew" | "awardsUpdated" | "dateOrder" | "dateOrderAssumed" | "seconds">): ImportReport {
    const unmatched = [...this.names]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, TOP_NAMES)
      .map(([name, rows]) => ({ name, rows }));
    return {
      ...fields,
      rowsRead: this.rowsRead,
      rowsImported: this.rowsImported,
      rejectedCount: this.rejectedCount,
      rejected: this.rejected,
      unmatchedRows: this.unmatchedRows,
      unmatched,
    };
  }
}

/** The report as plain text, for the command line. */
export function formatReport(r: ImportReport): string {
  const lines = [
    `${r.source}: ${r.rowsRead} rows read (${r.layout.replace("_", " ")}), ${r.rowsImported} imported in ${r.seconds.toFixed(1)} s`,
    `awards: ${r.awardsNew} new, ${r.awardsUpdated} updated`,
  ];
  if (r.dateOrder) lines.push(`dates: ${r.dateOrder === "mdy" ? "month-first" : "day-first"}${r.dateOrderAssumed ? " (assumed: no date told the order)" : ""}`);
  if (r.unmatchedRows) {
    lines.push(`${r.unmatchedRows} rows matched no company; most frequent recipients (add aliases to match them):`);
    for (const u of r.unmatched) lines.push(`  ${String(u.rows).padStart(7)}  ${u.name}`);
  }
  if (r.rejectedCount) {
    lines.push(`${r.rejectedCount} rows rejected:`);
    for (const x of r.rejected) lines.push(`  line ${x.line}: ${x.reason}`);
    if (r.rejectedCount > r.rejected.length) lines.push(`  … and ${r.rejectedCount - r.rejected.length} more`);
  }
  return lines.join("\n");
}
