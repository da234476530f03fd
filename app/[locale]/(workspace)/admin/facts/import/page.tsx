import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/auth/guard";
import { listCompaniesWithTotals } from "@/lib/facts/queries";
import { getImportRun, listImportRuns, type ImportRun } from "@/lib/facts/import-runs";
import { FORM_UPLOAD_BYTES } from "@/lib/facts/upload";
import { env } from "@/lib/env";
import { format, localePath, type Locale, type Messages } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { ReportView } from "./report-view";
import { SyncForm } from "./sync-form";
import { UploadForm } from "./upload-form";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ run?: string; error?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.facts.import.title };
}

const PAGE = "/admin/facts/import";

function statusLabel(run: ImportRun, t: Messages["facts"]["import"]): string {
  return run.status === "done" ? t.statusDone : run.status === "failed" ? t.statusFailed : t.statusRunning;
}

function RunDetail({ run, locale, t }: { run: ImportRun; locale: Locale; t: Messages["facts"]["import"] }) {
  return (
    <section aria-labelledby="run-title" className={`rounded-lg border p-4 ${run.status === "failed" ? "border-danger bg-red-50" : "border-line"}`}>
      <h2 id="run-title" className="font-semibold break-words">
        {run.status === "failed" ? t.failed : t.done}: {run.label}
      </h2>
      {run.error && <p className="mt-2 text-sm break-words text-danger">{run.error}</p>}
      {run.status === "failed" && <p className="text-sm">{t.nothingChanged}</p>}
      {run.report && (
        <div className="mt-2">
          <ReportView report={run.report} locale={locale} t={t} />
        </div>
      )}
      <Link href={localePath(locale, PAGE)} className="mt-3 inline-block text-sm font-medium text-accent underline">
        {t.backToList}
      </Link>
    </section>
  );
}

export default async function ImportFactsPage({ params, searchParams }: Props) {
  const { locale, t } = await localeParam(params);
  await requireAdmin(locale);
  const { run: runId, error } = await searchParams;
  const ti = t.facts.import;
  const [runs, selected, companies] = await Promise.all([
    listImportRuns(),
    runId ? getImportRun(runId) : Promise.resolve(null),
    listCompaniesWithTotals(),
  ]);
  const dateFormat = new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const uploadError = error === "too_large" ? ti.errorTooLarge : error === "no_file" ? ti.errorNoFile : error ? ti.errorUpload : null;
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div>
        <h1 className="text-2xl font-bold sm:text-3xl">{ti.title}</h1>
        <p className="mt-2">{ti.intro}</p>
        <p className="mt-2 text-sm text-muted">{ti.howTo}</p>
      </div>
      {uploadError && (
        <p role="alert" className="rounded border border-danger bg-red-50 p-3 text-sm text-danger">
          {uploadError}
        </p>
      )}
      {selected && <RunDetail run={selected} locale={locale} t={ti} />}
      <section aria-label={ti.title}>
        <UploadForm locale={locale} t={ti} formLimitMb={FORM_UPLOAD_BYTES / 1024 / 1024} />
      </section>
      <section aria-labelledby="sync-title" className="space-y-2">
        <h2 id="sync-title" className="text-xl font-semibold">{t.facts.sync.title}</h2>
        <p>{t.facts.sync.intro}</p>
        <p className="text-sm text-muted">
          {format(t.facts.sync.schedule, { state: env.FACTS_SYNC === "on" ? format(t.facts.sync.scheduleOn, { cron: env.FACTS_SYNC_CRON }, locale) : t.facts.sync.scheduleOff }, locale)}
        </p>
        <SyncForm locale={locale} companies={companies.map(({ slug, name }) => ({ slug, name }))} t={{ sync: t.facts.sync, errors: t.errors }} />
      </section>
      <section aria-labelledby="runs-title">
        <h2 id="runs-title" className="text-xl font-semibold">{ti.recent}</h2>
        {runs.length === 0 ? (
          <p className="mt-2">{ti.none}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-line">
                  <th scope="col" className="py-2 pr-3">{ti.when}</th>
                  <th scope="col" className="py-2 pr-3">{ti.what}</th>
                  <th scope="col" className="py-2">{ti.status}</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((r) => (
                  <tr key={r.id} className="border-b border-line align-top">
                    <td className="py-2 pr-3 whitespace-nowrap">{dateFormat.format(r.startedAt)}</td>
                    <td className="py-2 pr-3 break-all">{r.label}</td>
                    <td className="py-2">
                      <Link href={`${localePath(locale, PAGE)}?run=${r.id}`} className="font-medium text-accent underline">
                        {statusLabel(r, ti)}
                        <span className="sr-only"> — {ti.details}</span>
                      </Link>
                      {r.report && <span className="block text-xs text-muted">{format(ti.awards, { created: r.report.awardsNew, updated: r.report.awardsUpdated }, locale)}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
