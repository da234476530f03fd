// Dates in USAspending files. The native download writes ISO (2018-05-04, or with a time);
// files re-saved by a spreadsheet write slashes in the saver's locale: the 2025 sample
// has month-first "12/22/17", the 2018 sample day-first "30/05/2018" and "04/05/18 16:59".
// "04/05/2018" alone cannot tell, so the order is decided once per file, from its values
// (lib/facts/import/scan.ts): a first part over 12 means day-first, a second part over
// 12 month-first; where the layout gives a fiscal-year column beside a date, only the
// reading that lands in that fiscal year counts. A file with evidence both ways is
// refused; a file with none is read month-first (the US convention) and the report says so.
export type DateOrder = "mdy" | "dmy";

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T].*)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/;

export type SlashParts = { first: number; second: number; year: number };

export function slashParts(value: string): SlashParts | null {
  const m = SLASHED.exec(value.trim());
  if (!m) return null;
  const year = m[3].length === 2 ? expandYear(Number(m[3])) : Number(m[3]);
  return { first: Number(m[1]), second: Number(m[2]), year };
}

// Two-digit years: 00–69 are the 2000s, 70–99 the 1900s (federal award data starts in the 1990s).
function expandYear(yy: number): number {
  return yy < 70 ? 2000 + yy : 1900 + yy;
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export class CellError extends Error {}

/** An ISO date (YYYY-MM-DD) from a cell, or null for an empty cell; throws on anything else. */
export function parseDate(value: string, order: DateOrder): string | null {
  const text = value.trim();
  if (text === "") return null;
  const m = ISO.exec(text);
  if (m) {
    const out = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    if (out) return out;
  }
  const parts = slashParts(text);
  if (parts) {
    const out = order === "mdy" ? iso(parts.year, parts.first, parts.second) : iso(parts.year, parts.second, parts.first);
    if (out) return out;
  }
  throw new CellError(`"${text.slice(0, 40)}" is not a date`);
}

/** The federal fiscal year (1 October – 30 September) of an ISO date. */
export function fiscalYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return Number(isoDate.slice(5, 7)) >= 10 ? year + 1 : year;
}

/** What one slashed value says about the order: "dmy", "mdy" or nothing. */
export function orderEvidence(value: string, fiscalYear?: number): DateOrder | null {
  const p = slashParts(value);
  if (!p) return null;
  if (p.first > 12 && p.second <= 12) return "dmy";
  if (p.second > 12 && p.first <= 12) return "mdy";
  if (fiscalYear === undefined || p.first === p.second) return null;
  const asMdy = iso(p.year, p.first, p.second);
  const asDmy = iso(p.year, p.second, p.first);
  const mdyFits = asMdy !== null && fiscalYearOf(asMdy) === fiscalYear;
  const dmyFits = asDmy !== null && fiscalYearOf(asDmy) === fiscalYear;
  if (mdyFits && !dmyFits) return "mdy";
  if (dmyFits && !mdyFits) return "dmy";
  return null;
}

/** An amount in dollars: "1234.5", "-4277736", "$1,234.50", "(12.00)"; null when empty; throws otherwise. */
export function parseAmount(value: string): string | null {
  let text = value.trim();
  if (text === "") return null;
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1);
  }
  text = text.replace(/^\$/, "").replace(/^-\$/, "-").replace(/,(?=\d{3}(\D|$))/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new CellError(`"${value.trim().slice(0, 40)}" is not an amount`);
  const n = Number(text);
  if (!Number.isFinite(n) || Math.abs(n) >= 1e14) throw new CellError(`"${value.trim().slice(0, 40)}" is out of range`);
  return (negative ? -n : n).toFixed(2);
}
