// Node flags for the app server, shared by `npm start` and the bench (which gives its
// bare-route ceiling the same ones, so the comparison stays fair).
// A larger young generation: a request allocates many short-lived objects, and with
// V8's default (16 MB semi-spaces on 64-bit) minor GCs ran often enough to cost about
// a fifth of signing throughput here (see bench/README.md).
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=32"];

// `npm run worker` as node arguments after tsx's CLI, from the repository root (the
// bench and the worker's test start it so; package.json's script is the same command).
export const WORKER_ARGS = ["--require", "./scripts/server-only-shim.cjs", "scripts/worker.ts"];
