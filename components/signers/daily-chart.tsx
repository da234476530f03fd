import type { DayCount } from "@/lib/signers/stats";

// Signatures per day as stacked bars (confirmed below, not yet confirmed above), drawn as
// SVG on the server: no chart library and no JavaScript. The figure is described by the
// sentence given in `labelledBy`; the same figures are in a table beside it.
const WIDTH = 720;
const HEIGHT = 220;
const PAD = { left: 44, right: 8, top: 10, bottom: 28 };

/** Every day from the first to the last, a day without signatures as zero. */
export function fillDays(days: DayCount[]): DayCount[] {
  if (days.length === 0) return [];
  const byDay = new Map(days.map((d) => [d.day, d]));
  const out: DayCount[] = [];
  const end = Date.parse(`${days[days.length - 1].day}T00:00:00Z`);
  for (let t = Date.parse(`${days[0].day}T00:00:00Z`); t <= end; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push(byDay.get(day) ?? { day, confirmed: 0, pending: 0 });
  }
  return out;
}

function niceMax(n: number): number {
  if (n <= 5) return 5;
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
}

export function DailyChart({ days, labelledBy, legend }: { days: DayCount[]; labelledBy: string; legend: { confirmed: string; pending: string } }) {
  const filled = fillDays(days);
  const max = niceMax(Math.max(1, ...filled.map((d) => d.confirmed + d.pending)));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, filled.length);
  const bar = Math.max(1, slot * 0.8);
  const y = (n: number) => PAD.top + plotH - (n / max) * plotH;
  const labelEvery = Math.max(1, Math.ceil(filled.length / 8));
  return (
    <figure className="mt-3">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={labelledBy} className="h-auto w-full max-w-3xl">
        {[0, max / 2, max].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} stroke="#d4d4d8" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="12" fill="#52525b">{tick}</text>
          </g>
        ))}
        {filled.map((d, i) => {
          const x = PAD.left + i * slot + (slot - bar) / 2;
          return (
            <g key={d.day}>
              <rect x={x} y={y(d.confirmed)} width={bar} height={plotH - (y(d.confirmed) - PAD.top)} fill="#4c1d95" />
              <rect x={x} y={y(d.confirmed + d.pending)} width={bar} height={y(d.confirmed) - y(d.confirmed + d.pending)} fill="#a78bfa" />
              {i % labelEvery === 0 && (
                <text x={x + bar / 2} y={HEIGHT - 8} textAnchor="middle" fontSize="11" fill="#52525b">{d.day.slice(5)}</text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex gap-4 text-sm" aria-hidden="true">
        <span className="inline-flex items-center gap-1"><span className="inline-block size-3 bg-accent" />{legend.confirmed}</span>
        <span className="inline-flex items-center gap-1"><span className="inline-block size-3 bg-violet-400" />{legend.pending}</span>
      </figcaption>
    </figure>
  );
}
