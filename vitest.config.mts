import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = { "@": root, "server-only": path.join(root, "test/empty.ts") };

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: ["**/*.db.test.ts", "node_modules/**", "e2e/**", ".next/**"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          environment: "node",
          include: ["**/*.db.test.ts"],
          // *.postgres.db.test.ts need a server (cutting a connection, say): CI's PostgreSQL round runs them.
          exclude: ["node_modules/**", ".next/**", ...(process.env.DATABASE_URL ? [] : ["**/*.postgres.db.test.ts"])],
          setupFiles: ["test/db-setup.ts"],
          // next-auth imports "next/server" without an extension, which Node's resolver refuses.
          server: { deps: { inline: ["next-auth"] } },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
