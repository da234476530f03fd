// Client components of the public pages ship to every supporter's phone: they may take
// words as props from the server, or import lib/i18n/locales.ts, but never the catalogues
// or the ICU formatter (together some 40 kB of gzipped JavaScript on every page, growing
// with each message). The workspace (organizers, admins) may carry more.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sources(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

describe("client components", () => {
  it("import no message catalogue and no ICU formatter", () => {
    const workspace = (file: string) => file.includes("(workspace)") || file.startsWith(path.join("components", "workspace"));
    const offenders = [...sources("app"), ...sources("components")].filter((file) => {
      if (workspace(file)) return false;
      const text = fs.readFileSync(path.join(root, file), "utf8");
      if (!/^\s*["']use client["']/.test(text)) return false;
      const valueImports = [...text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]);
      return valueImports.some((from) => from === "@/lib/i18n" || from.startsWith("@/lib/i18n/messages/en") ||
        from.startsWith("@/lib/i18n/messages/es") || from === "intl-messageformat");
    });
    expect(offenders).toEqual([]);
  });
});
