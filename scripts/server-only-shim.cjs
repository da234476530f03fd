// Loaded with `--require` by commands that run app code outside Next.js (npm run
// worker): lets modules marked `import "server-only"` load, as they do on Next's
// server. Running them under the react-server condition instead would also switch
// react-dom/server off, which the email templates need to render.
const Module = process.getBuiltinModule("node:module");

// "server-only" resolves to this file, already loaded: an empty module.
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolve.call(this, request === "server-only" ? __filename : request, ...rest);
};
