// A one-line terminal progress bar for the import command (stderr; plain lines when not a terminal).
import type { ImportProgress } from ".";

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): (p: ImportProgress) => void {
  let lastShown = 0;
  let lastPercent = -1;
  let lastPhase = "";
  return (p) => {
    if (p.phase !== lastPhase) {
      lastPhase = p.phase;
      lastPercent = -1;
    }
    const total = p.totalBytes ?? 0;
    const fraction = total > 0 ? Math.min(p.bytes / total, 1) : 0;
    const percent = Math.floor(fraction * 100);
    const now = Date.now();
    const phase = p.phase === "checking" ? "checking " : "importing";
    if (stream.isTTY) {
      if (now - lastShown < 100 && fraction < 1) return;
      lastShown = now;
      const width = 30;
      const filled = Math.round(fraction * width);
      const rows = p.totalRows ? `${p.rows}/${p.totalRows} rows` : `${p.rows} rows`;
      stream.write(`\r${label} ${phase} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(percent).padStart(3)}% ${rows}\x1b[K`);
      if (fraction >= 1 && p.phase === "importing") stream.write("\n");
    } else if (percent >= lastPercent + 10 || (fraction >= 1 && percent > lastPercent)) {
      lastPercent = percent;
      stream.write(`${label} ${phase} ${percent}% (${p.rows} rows)\n`);
    }
  };
}
