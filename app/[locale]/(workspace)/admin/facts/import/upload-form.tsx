"use client";
// The upload form. Without JavaScript it posts the file as a form (small files); with it,
// the file goes as the raw request body and the answer streams progress lines, shown in a
// progress bar, then the report.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ImportReport } from "@/lib/facts/import/report";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { ReportView } from "./report-view";

type Line =
  | { type: "progress"; phase: "checking" | "importing"; bytes: number; totalBytes: number | null; rows: number }
  | { type: "done"; report: ImportReport }
  | { type: "error"; message?: string; code?: string };

type State =
  | { kind: "idle" }
  | { kind: "working"; label: string; percent: number; rows: number }
  | { kind: "done"; report: ImportReport }
  | { kind: "error"; message: string };

const ENDPOINT = "/api/admin/facts/import";

export function UploadForm({ locale, t, formLimitMb }: { locale: Locale; t: Messages["facts"]["import"]; formLimitMb: number }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const router = useRouter();

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement).files?.[0];
    if (!file) return setState({ kind: "error", message: t.errorNoFile });
    setState({ kind: "working", label: t.uploading, percent: 0, rows: 0 });
    try {
      const response = await fetch(ENDPOINT, { method: "POST", body: file, headers: { "Content-Type": "text/csv", "X-File-Name": file.name } });
      if (!response.ok || !response.body) {
        const body = (await response.json().catch(() => ({}))) as { code?: string };
        return setState({ kind: "error", message: body.code === "too_large" ? t.errorTooLarge : t.errorUpload });
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = "";
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const text of lines.filter(Boolean)) {
          const line = JSON.parse(text) as Line;
          if (line.type === "progress") {
            const percent = line.totalBytes ? Math.floor((100 * line.bytes) / line.totalBytes) : 0;
            setState({ kind: "working", label: line.phase === "checking" ? t.checking : t.importing, percent, rows: line.rows });
          } else if (line.type === "done") {
            setState({ kind: "done", report: line.report });
            router.refresh(); // the list of runs below
          } else {
            setState({ kind: "error", message: line.message ?? t.errorUpload });
            router.refresh();
          }
        }
      }
    } catch {
      setState({ kind: "error", message: t.errorUpload });
    }
  }

  const working = state.kind === "working";
  return (
    <div>
      <form action={ENDPOINT} method="post" encType="multipart/form-data" onSubmit={submit} className="space-y-3">
        <input type="hidden" name="locale" value={locale} />
        <label className="block">
          <span className="block font-medium">{t.file}</span>
          <input
            type="file"
            name="file"
            accept=".csv,text/csv"
            required
            className="mt-1 block w-full rounded border border-line p-2 text-sm file:mr-3 file:rounded file:border-0 file:bg-surface-muted file:px-3 file:py-2"
          />
        </label>
        <p className="text-sm text-muted">{format(t.noJsLimit, { mb: formLimitMb }, locale)}</p>
        <button
          type="submit"
          disabled={working}
          className="min-h-12 w-full rounded bg-accent px-6 font-semibold text-white hover:bg-accent-hover disabled:opacity-70 sm:w-auto"
        >
          {t.submit}
        </button>
      </form>
      <div aria-live="polite" className="mt-4">
        {state.kind === "working" && (
          <div>
            <p className="text-sm font-medium">{state.label}</p>
            <progress className="mt-1 h-3 w-full" max={100} value={state.percent} aria-label={state.label} />
            <p className="text-sm text-muted">{format(t.progress, { percent: state.percent, rows: state.rows }, locale)}</p>
          </div>
        )}
        {state.kind === "done" && (
          <div role="status" className="rounded-lg border border-success bg-success-soft p-4">
            <p className="mb-2 font-semibold">{t.done}</p>
            <ReportView report={state.report} locale={locale} t={t} />
          </div>
        )}
        {state.kind === "error" && (
          <div role="alert" className="rounded border border-danger bg-red-50 p-3 text-sm text-danger">
            <p className="font-semibold">{t.failed}</p>
            <p className="break-words">{state.message}</p>
            <p>{t.nothingChanged}</p>
          </div>
        )}
      </div>
    </div>
  );
}
