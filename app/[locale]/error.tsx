"use client";
// What a page shows when it could not be rendered. In production Next.js hides why; the
// likely reason is the database being away for a moment (a restart), so it asks the
// visitor, in their language, to try again in a few seconds, and offers to.
import { useParams } from "next/navigation";
import { isLocale } from "@/lib/i18n/locales";
import { pageErrorMessages } from "@/lib/i18n/messages/page-error";

export default function PageError({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const { locale } = useParams<{ locale?: string }>();
  const t = pageErrorMessages[isLocale(locale) ? locale : "en"];
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="mt-2">{t.body}</p>
      <button
        type="button"
        onClick={() => retry()}
        className="mt-4 rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-hover"
      >
        {t.retry}
      </button>
    </div>
  );
}
