// Uploads for /admin/facts/import. With the page's script: the file as the raw body
// (X-File-Name names it) and an answer streamed as NDJSON lines — progress, then the
// report or the error. Without JavaScript: a multipart form, then a redirect to the run.
import fs from "node:fs";
import { NextResponse } from "next/server";
import { getDb } from "@/db/client";
import { adminRoute } from "@/lib/auth/guard";
import { importUsaspendingFile } from "@/lib/facts/import";
import { saveFormUpload, saveRawUpload, UploadError, type SavedUpload } from "@/lib/facts/upload";
import { isLocale, localePath } from "@/lib/i18n";
import { logError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const PAGE = "/admin/facts/import";

/** A post from another site's page (the session cookie is SameSite=Lax, this is a second lock). */
function crossSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== new URL(request.url).host && new URL(origin).host !== request.headers.get("host");
  } catch {
    return true;
  }
}

export const POST = adminRoute(async (request, { user }) => {
  if (crossSite(request)) return NextResponse.json({ type: "error", code: "forbidden" }, { status: 403, headers: { "Cache-Control": "no-store" } });
  const db = await getDb();
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    let runId: string | null = null;
    let locale = "en";
    let code = "";
    try {
      const { upload, form } = await saveFormUpload(request);
      locale = String(form.get("locale") ?? "en");
      try {
        await importUsaspendingFile(db, { name: upload.name, open: () => fs.createReadStream(upload.path), size: upload.size }, { startedBy: user.id, onStarted: (id) => (runId = id) });
      } catch (error) {
        if (!runId) throw error; // the run records the failure; the page shows it
      } finally {
        upload.remove();
      }
    } catch (error) {
      code = error instanceof UploadError ? error.code : "failed";
      if (!(error instanceof UploadError)) logError("facts import upload", error);
    }
    const base = localePath(isLocale(locale) ? locale : "en", PAGE);
    const target = runId ? `${base}?run=${runId}` : `${base}?error=${code || "failed"}`;
    return NextResponse.redirect(new URL(target, request.url), 303);
  }

  let upload: SavedUpload;
  try {
    upload = await saveRawUpload(request.body, request.headers.get("x-file-name"));
  } catch (error) {
    const code = error instanceof UploadError ? error.code : "failed";
    return NextResponse.json({ type: "error", code }, { status: code === "too_large" ? 413 : 400, headers: { "Cache-Control": "no-store" } });
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: object) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      let last = 0;
      let runId: string | null = null;
      try {
        const report = await importUsaspendingFile(
          db,
          { name: upload.name, open: () => fs.createReadStream(upload.path), size: upload.size },
          {
            startedBy: user.id,
            onStarted: (id) => (runId = id),
            onProgress: (p) => {
              const now = Date.now();
              if (now - last < 200) return;
              last = now;
              send({ type: "progress", ...p });
            },
          },
        );
        send({ type: "done", runId, report });
      } catch (error) {
        send({ type: "error", runId, message: error instanceof Error ? error.message : String(error) });
      } finally {
        upload.remove();
        controller.close();
      }
    },
  });
  return new Response(stream, { headers: { "Content-Type": "application/x-ndjson; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" } });
});

