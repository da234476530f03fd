// The app's server and its Node flags, shared by `npm start`, the e2e tests and the
// bench (which gives its bare-route ceiling the same flags, so the comparison stays fair).
// A larger young generation: a request allocates many short-lived objects, and with
// V8's default (16 MB semi-spaces on 64-bit) minor GCs ran often enough to cost about
// a fifth of signing throughput here (see bench/README.md).
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=32"];

// The server `npm start` runs once the build is fresh, relative to the repository root:
// run it from there (Next.js finds the build folder there too). No imports in this file:
// Playwright's loader turns an .mjs with imports into CommonJS, which Node then refuses.
export const SERVER_ENTRY = "server/index.mjs";

// `npm run worker` as node arguments after tsx's CLI, from the repository root (the
// bench and the worker's test start it so; package.json's script is the same command).
export const WORKER_ARGS = ["--require", "./scripts/server-only-shim.cjs", "scripts/worker.ts"];
