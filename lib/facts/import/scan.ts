// First pass over a file, before anything is written: the layout from the header, the
// structure of every row (a malformed file fails here, naming the line, with the database
// untouched) and the order of slashed dates (see dates.ts), so the second pass can parse
// them. Memory stays flat: nothing but counters is kept.
import crypto from "node:crypto";
import type { Readable } from "node:stream";
import { readCsv, FileError } from "./csv";
import { orderEvidence, type DateOrder } from "./dates";
import { DATE_COLUMNS, FISCAL_YEAR_OF, LayoutError, readHeader, type Columns } from "./layout";

export type ScanResult = {
  columns: Columns;
  rows: number;
  dateOrder: DateOrder;
  /** True when no value told the order apart and month-first was assumed. */
  dateOrderAssumed: boolean;
  bytes: number;
  /** SHA-256 of the file: the same file imported twice is the same source. */
  sha256: string;
};

export type ScanProgress = (bytes: number, rows: number) => void;

export async function scanFile(input: Readable, onProgress?: ScanProgress): Promise<ScanResult> {
  let columns: Columns | undefined;
  let rows = 0;
  let bytes = 0;
  const seen: Partial<Record<DateOrder, number>> = {};
  let dateCells: { index: number; fyIndex?: number }[] = [];
  const hash = crypto.createHash("sha256");
  const onChunk = (chunk: Buffer) => {
    bytes += chunk.length;
    hash.update(chunk);
  };
  for await (const { fields, line } of readCsv(input, onChunk)) {
    if (!columns) {
      try {
        columns = readHeader(fields);
      } catch (error) {
        if (error instanceof LayoutError) throw new FileError(error.message.replace(/^line 1: /, ""), line);
        throw error;
      }
      const index = columns.index;
      dateCells = DATE_COLUMNS.filter((c) => index.has(c)).map((c) => ({
        index: index.get(c)!,
        fyIndex: (FISCAL_YEAR_OF[c] ?? []).map((f) => index.get(f)).find((i) => i !== undefined),
      }));
      continue;
    }
    rows++;
    for (const cell of dateCells) {
      const value = fields[cell.index];
      if (!value || !value.includes("/")) continue;
      const fy = cell.fyIndex === undefined ? undefined : Number(fields[cell.fyIndex]) || undefined;
      const order = orderEvidence(value, fy);
      if (!order || seen[order] !== undefined) continue;
      seen[order] = line;
      const other = order === "dmy" ? "mdy" : "dmy";
      if (seen[other] !== undefined) {
        throw new FileError(
          `"${value}" can only be ${order === "dmy" ? "day-first" : "month-first"}, but line ${seen[other]} has a ${other === "dmy" ? "day-first" : "month-first"} date: one file must use one date order`,
          line,
        );
      }
    }
    if (rows % 2000 === 0) onProgress?.(bytes, rows);
  }
  if (!columns) throw new FileError("the file is empty");
  onProgress?.(bytes, rows);
  const found = seen.dmy !== undefined ? "dmy" : seen.mdy !== undefined ? "mdy" : null;
  return { columns, rows, dateOrder: found ?? "mdy", dateOrderAssumed: found === null, bytes, sha256: hash.digest("hex") };
}
