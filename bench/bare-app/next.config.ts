// The bench's bare route: a separate, minimal Next.js app (not part of Cut Ties) that
// inserts one row per request, so the signing path has a ceiling to be compared with.
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  serverExternalPackages: ["postgres"],
  poweredByHeader: false,
};

export default nextConfig;
