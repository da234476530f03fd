import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships wasm and data files; bundling would also publish them as assets.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "postgres"],
  poweredByHeader: false,
  // app/global-not-found.tsx: an address no route matches gets the app's own 404, in the
  // visitor's language and the site's layout (the layout lives under [locale], so a
  // root not-found.tsx would have none).
  experimental: { globalNotFound: true },
  // Lets tests and benchmarks build beside a developer's own build without clashing.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          // same-origin: other sites (WhatsApp, X…) never learn which page a visitor came from,
          // while our own form posts keep their Origin, which server actions check.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
