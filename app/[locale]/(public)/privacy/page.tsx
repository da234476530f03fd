import type { Metadata } from "next";
import Link from "next/link";
import { localePath } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.privacy.title };
}

export default async function PrivacyPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await localeParam(params);
  return (
    <div className="mx-auto max-w-2xl space-y-4 px-4 py-8">
      <h1 className="text-3xl font-bold">{t.privacy.title}</h1>
      <p className="text-lg">{t.privacy.intro}</p>
      <h2 className="pt-2 text-xl font-semibold">{t.privacy.stored}</h2>
      <ul className="list-disc space-y-1 pl-6">
        {t.privacy.storedItems.split("\n").map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>{t.privacy.notStored}</p>
      <p>{t.privacy.retention}</p>
      <p>{t.privacy.retentionConfirmed}</p>
      <h2 className="pt-2 text-xl font-semibold">{t.privacy.referralHeading}</h2>
      <p>{t.privacy.referral}</p>
      <h2 className="pt-2 text-xl font-semibold">{t.privacy.deliveredHeading}</h2>
      <p>{t.privacy.delivered}</p>
      <h2 className="pt-2 text-xl font-semibold">{t.privacy.deleteHeading}</h2>
      <p>{t.privacy.deleteBody}</p>
      <Link
        href={localePath(locale, "/privacy/delete")}
        className="inline-flex min-h-11 items-center rounded bg-accent px-4 font-semibold text-white hover:bg-accent-hover"
      >
        {t.privacy.deleteLink}
      </Link>
    </div>
  );
}
