// Node flags for the app server, shared by `npm start` and the bench (which gives its
// bare-route ceiling the same ones, so the comparison stays fair).
// A larger young generation: a request allocates many short-lived objects, and with
// V8's default (16 MB semi-spaces on 64-bit) minor GCs ran often enough to cost about
// a fifth of signing throughput here (see bench/README.md).
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=32"];
