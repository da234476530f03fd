// dependency-cruiser: the import graph must have no cycles. A cycle makes module
// initialisation order matter (one side sees the other half-loaded) and ties two
// modules together so neither can be understood or tested alone.
// Run by `npm run lint` and by the eslint stage of `npm test`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "This module imports, directly or through others, a module that imports it back. " +
        "Move what both need into a third module that neither side imports back.",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Our own code only: what a package imports is not ours to untangle.
    doNotFollow: { path: "node_modules/" },
    // Build output, reports and packages. (One pattern: dependency-cruiser refuses
    // patterns that could backtrack badly.)
    exclude: { path: "^(node_modules|\\.next[^/]*|bench/bare-app/\\.next|bench/results|test-results|playwright-report)/" },
    // `import type` counts too: a cycle of types still couples the two modules.
    tsPreCompilationDeps: true,
    // Resolves "@/…" the way TypeScript and Next.js do.
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".mts", ".cts", ".js", ".mjs", ".cjs", ".jsx", ".json"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
