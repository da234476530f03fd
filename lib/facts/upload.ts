import "server-only";
// Receiving an uploaded file for import: written to a temporary file first, so the import
// reads a local file (twice) and its transaction never waits on the network. With
// JavaScript the browser sends the file as the raw request body (streamed to disk, any
// size up to MAX_UPLOAD_BYTES); without it, a multipart form, which the server reads
// whole into memory — hence the smaller FORM_UPLOAD_BYTES.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";

import { UPLOAD_LIMIT_BYTES } from "@/server/guards.mjs";

// The server (server/guards.mjs) lets this one route receive up to UPLOAD_LIMIT_BYTES.
export const MAX_UPLOAD_BYTES = UPLOAD_LIMIT_BYTES;
export const FORM_UPLOAD_BYTES = 25 * 1024 * 1024;

export class UploadError extends Error {
  constructor(readonly code: "too_large" | "no_file" | "failed") {
    super(code);
  }
}

export type SavedUpload = { name: string; path: string; size: number; remove: () => void };

function tempPath(): string {
  return path.join(os.tmpdir(), `cut-ties-import-${crypto.randomUUID()}.csv`);
}

/** A file name fit for a label: no directories, printable, short. */
export function cleanFileName(name: string | null | undefined): string {
  const base = path.basename(String(name ?? "")).replace(/[^\w.\- ()]/g, "_").slice(0, 120);
  return base || "upload.csv";
}

function saved(name: string, file: string): SavedUpload {
  return { name, path: file, size: fs.statSync(file).size, remove: () => fs.rmSync(file, { force: true }) };
}

/** The raw request body (sent by the page's script) to a temporary file. */
export async function saveRawUpload(body: ReadableStream<Uint8Array> | null, name: string | null): Promise<SavedUpload> {
  if (!body) throw new UploadError("no_file");
  const file = tempPath();
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > MAX_UPLOAD_BYTES ? new UploadError("too_large") : null, chunk);
    },
  });
  try {
    await pipeline(Readable.fromWeb(body as import("node:stream/web").ReadableStream), limit, fs.createWriteStream(file));
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error instanceof UploadError ? error : new UploadError("failed");
  }
  if (bytes === 0) {
    fs.rmSync(file, { force: true });
    throw new UploadError("no_file");
  }
  return saved(cleanFileName(name), file);
}

/** A multipart form's `file` field (no JavaScript) to a temporary file. */
export async function saveFormUpload(request: Request): Promise<{ upload: SavedUpload; form: FormData }> {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > FORM_UPLOAD_BYTES) throw new UploadError("too_large");
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new UploadError("failed");
  }
  const entry = form.get("file");
  if (!(entry instanceof File) || entry.size === 0) throw new UploadError("no_file");
  if (entry.size > FORM_UPLOAD_BYTES) throw new UploadError("too_large");
  const file = tempPath();
  await pipeline(Readable.fromWeb(entry.stream() as import("node:stream/web").ReadableStream), fs.createWriteStream(file));
  return { upload: saved(cleanFileName(entry.name), file), form };
}
