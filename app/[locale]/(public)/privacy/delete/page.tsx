import type { Metadata } from "next";
import { localeParam } from "@/lib/i18n/server";
import { DeletionRequestForm } from "./request-form";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.privacy.deleteTitle, robots: { index: false } };
}

export default async function DeleteDataPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await localeParam(params);
  return (
    <div className="mx-auto max-w-xl px-4 py-8">
      <h1 className="text-3xl font-bold">{t.privacy.deleteTitle}</h1>
      <p className="mt-3 text-lg">{t.privacy.deleteIntro}</p>
      <DeletionRequestForm locale={locale} t={{ privacy: t.privacy, form: t.form, errors: t.errors, fields: t.fields }} />
    </div>
  );
}
