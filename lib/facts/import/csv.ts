// Streaming CSV rows with the line each starts on. csv-parse handles the BOM, CRLF and
// quoted newlines; a structural fault (an unclosed quote, a row with the wrong number of
// fields) ends the read with a FileError naming the line.
import type { Readable } from "node:stream";
import { parse, CsvError } from "csv-parse";

export class FileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = "FileError";
  }
}

export type CsvRow = { fields: string[]; line: number };

const MAX_FIELD = 1_000_000; // characters: a stray quote otherwise swallows the rest of a 200 MB file

export async function* readCsv(input: Readable, onChunk?: (chunk: Buffer) => void): AsyncGenerator<CsvRow> {
  if (onChunk) input.on("data", (chunk: Buffer | string) => onChunk(typeof chunk === "string" ? Buffer.from(chunk) : chunk));
  const parser = input.pipe(
    parse({ bom: true, info: true, skip_empty_lines: true, max_record_size: MAX_FIELD, relax_column_count: false }),
  );
  // pipe() does not pass a read error on: without this the parser would wait forever.
  input.once("error", (error) => parser.destroy(error));
  let previousEnd = 0;
  let previousEmpty = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
      const line = previousEnd + 1 + (info.empty_lines - previousEmpty);
      previousEnd = info.lines;
      previousEmpty = info.empty_lines;
      yield { fields: record, line };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new FileError(describe(error), line);
    }
    throw error;
  } finally {
    input.destroy();
  }
}

function describe(error: CsvError): string {
  switch (error.code) {
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH": {
      const m = /expect (\d+), got (\d+)/.exec(error.message);
      return m ? `this row has ${m[2]} fields, the header has ${m[1]}` : "this row has a different number of fields from the header";
    }
    case "CSV_QUOTE_NOT_CLOSED":
      return "a quoted field is never closed";
    case "CSV_INVALID_CLOSING_QUOTE":
      return "a quote closes a field in the middle of it";
    case "CSV_MAX_RECORD_SIZE":
      return "a field is over a million characters long (a stray quote?)";
    default:
      return error.message.replace(/ at line \d+.*$/, "");
  }
}
