import type { Metadata } from "next";
import { CheckCircle2 } from "lucide-react";
import { format } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { DeletionLinkInvalid } from "../link-invalid";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.privacy.deletedTitle, robots: { index: false } };
}

export default async function DeletionDonePage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ deleted?: string }>;
}) {
  const { locale, t } = await localeParam(params);
  const { deleted } = await searchParams;
  if (deleted === undefined || !/^\d+$/.test(deleted)) {
    return <DeletionLinkInvalid locale={locale} t={t} />;
  }
  return (
    <div className="mx-auto max-w-xl px-4 py-8">
      <div role="status" className="rounded-lg border border-success bg-success-soft p-5">
        <h1 className="flex items-center gap-2 text-2xl font-bold text-success">
          <CheckCircle2 aria-hidden="true" size={28} />
          {t.privacy.deletedTitle}
        </h1>
        <p className="mt-2">{format(t.privacy.deleted, { count: Number(deleted) }, locale)}</p>
      </div>
    </div>
  );
}
