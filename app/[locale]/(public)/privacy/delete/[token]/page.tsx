// The link in the deletion email lands here. Opening it deletes nothing; the
// button (a POST) does; /privacy/delete/done shows the outcome.
import type { Metadata } from "next";
import { localeParam } from "@/lib/i18n/server";
import { DeletionLinkInvalid } from "../link-invalid";
import { deleteDataAction } from "@/lib/privacy/actions";
import { isDeletionTokenValid } from "@/lib/privacy/mutations";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.privacy.deleteTitle, robots: { index: false } };
}

type Props = { params: Promise<{ locale: string; token: string }> };

export default async function ConfirmDeletionPage({ params }: Props) {
  const { locale, t } = await localeParam(params);
  const { token } = await params;

  if (!(await isDeletionTokenValid(token))) {
    return <DeletionLinkInvalid locale={locale} t={t} />;
  }

  return (
    <div className="mx-auto max-w-xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t.privacy.deleteTitle}</h1>
      <p className="mt-2 text-lg">{t.privacy.deleteConfirmIntro}</p>
      <form action={deleteDataAction} className="mt-6">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="token" value={token} />
        <button type="submit" className="min-h-12 w-full rounded bg-danger px-6 text-lg font-semibold text-white hover:bg-red-800 sm:w-auto">
          {t.privacy.deleteConfirmButton}
        </button>
      </form>
    </div>
  );
}
