import os from "node:os";
import { describe, expect, it } from "vitest";
import { ClusterSizeError, clusterSize } from "./cluster-size.mjs";

describe("how many app processes npm start runs", () => {
  it("is one on the embedded database, whatever WEB_CONCURRENCY says (one process per PGlite folder)", () => {
    expect(clusterSize({ WEB_CONCURRENCY: "4" })).toBe(1);
  });

  it("is one per core on PostgreSQL, or WEB_CONCURRENCY", () => {
    const pg = { DATABASE_URL: "postgres://x@y/z" };
    expect(clusterSize(pg)).toBe(os.availableParallelism());
    expect(clusterSize({ ...pg, WEB_CONCURRENCY: "3" })).toBe(3);
    expect(clusterSize({ ...pg, WEB_CONCURRENCY: "1" })).toBe(1);
    expect(clusterSize(pg, true)).toBe(1); // npm run dev
  });

  it("refuses what is not a number of processes", () => {
    expect(() => clusterSize({ WEB_CONCURRENCY: "two" })).toThrow(ClusterSizeError);
    expect(() => clusterSize({ WEB_CONCURRENCY: "-1" })).toThrow(ClusterSizeError);
  });
});
