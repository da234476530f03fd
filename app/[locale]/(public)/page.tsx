import type { Metadata } from "next";
import Link from "next/link";
import { ProgressBar } from "@/components/progress-bar";
import { listLiveCampaigns } from "@/lib/campaigns/queries";
import { format, localePath } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.nav.home };
}

export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await localeParam(params);
  const campaigns = await listLiveCampaigns(locale);
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <h1 className="max-w-3xl text-3xl font-bold leading-tight sm:text-4xl">{t.home.heading}</h1>
      <p className="mt-4 max-w-2xl text-lg text-muted">{t.home.intro}</p>
      <h2 className="mt-10 text-2xl font-semibold">{t.home.liveCampaigns}</h2>
      {campaigns.length === 0 ? (
        <p className="mt-4">{t.home.none}</p>
      ) : (
        <ul className="mt-4 grid gap-4 md:grid-cols-2">
          {campaigns.map((c) => (
            <li key={c.id} className="flex flex-col rounded-lg border border-line p-5 shadow-sm">
              <p className="text-sm font-semibold uppercase tracking-wide text-muted">
                {format(t.home.target, { targets: c.targets.map((x) => x.name).join(", ") })}
              </p>
              <h3 className="mt-1 text-xl font-bold leading-snug">
                <Link href={localePath(locale, `/campaigns/${c.slug}`)} className="hover:underline">
                  {c.title}
                </Link>
              </h3>
              <p className="mt-2 flex-1">{c.ask}</p>
              <div className="mt-4">
                <ProgressBar count={c.confirmedCount} goal={c.goal} kind={c.kind} locale={locale} t={t} size="small" />
              </div>
              <Link
                href={localePath(locale, `/campaigns/${c.slug}`)}
                aria-label={`${c.kind === "pledge" ? t.home.readPledge : t.home.read}: ${c.title}`}
                className="mt-4 inline-flex min-h-11 items-center justify-center rounded bg-accent px-4 font-semibold text-white hover:bg-accent-hover"
              >
                {c.kind === "pledge" ? t.home.readPledge : t.home.read}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
