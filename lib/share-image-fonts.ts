import "server-only";
// The share image's font, bundled (next/og draws with its own fallback otherwise, which
// has no bold): Public Sans, SIL Open Font License 1.1, from @fontsource/public-sans
// (plain zeros, unlike Atkinson Hyperlegible's slashed ones, which read as "Ø" in a
// count). next/og reads woff, not woff2. Latin and Latin Extended cover Spanish and the
// names of most targets.
import { readFile } from "node:fs/promises";
import path from "node:path";

type Font = { name: string; data: Buffer; weight: 400 | 700; style: "normal" };

const NAME = "Public Sans";
const FILES = path.join(process.cwd(), "node_modules", "@fontsource", "public-sans", "files");

let fonts: Promise<Font[]> | undefined;

/** Read from disk once per process. */
export function shareImageFonts(): Promise<Font[]> {
  fonts ??= Promise.all(
    (["latin", "latin-ext"] as const).flatMap((subset) =>
      ([400, 700] as const).map(async (weight) => ({
        name: NAME,
        data: await readFile(path.join(FILES, `public-sans-${subset}-${weight}-normal.woff`)),
        weight,
        style: "normal" as const,
      })),
    ),
  );
  fonts.catch(() => (fonts = undefined));
  return fonts;
}
