// The bench's bare route: a separate, minimal Next.js app (not part of Cut Ties) that
// inserts one row per request, so the signing path has a ceiling to be compared with.
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["postgres"],
  poweredByHeader: false,
  // This folder is the whole app: without this, Next.js takes the repository (its
  // lockfile) as the root and builds Cut Ties' own instrumentation.ts into this app.
  turbopack: { root: process.cwd() },
  outputFileTracingRoot: process.cwd(),
};

export default nextConfig;
