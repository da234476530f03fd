import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckCircle2 } from "lucide-react";
import { ProgressBar } from "@/components/progress-bar";
import { SharePanel } from "@/components/share-panel";
import { getPublicCampaignBySlug } from "@/lib/campaigns/queries";
import { appUrl } from "@/lib/env";
import { format, localePath } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { renderMarkdown } from "@/lib/markdown";
import { listRecentPublicSigners } from "@/lib/signatures/queries";
import { FactCardsSlot } from "@/components/fact-cards-slot";
import { SignedHere } from "@/components/signed-here";
import { whyLine } from "@/lib/campaigns/why-line";
import { SignForm } from "./sign-form";
import { signFormCopy } from "./sign-form-copy";

type Props = {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<{ ref?: string | string[] }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await localeParam(params);
  const { slug } = await params;
  const campaign = await getPublicCampaignBySlug(slug, locale);
  if (!campaign) return {};
  const url = `${appUrl}${localePath(locale, `/campaigns/${slug}`)}`;
  return {
    title: campaign.title,
    description: campaign.ask,
    alternates: {
      canonical: url,
      languages: { en: `${appUrl}/campaigns/${slug}`, es: `${appUrl}/es/campaigns/${slug}` },
    },
    openGraph: { type: "website", title: campaign.title, description: campaign.ask, url, locale: locale === "es" ? "es_US" : "en_US" },
    twitter: { card: "summary_large_image", title: campaign.title, description: campaign.ask },
  };
}

export default async function CampaignPage({ params, searchParams }: Props) {
  const { locale, t } = await localeParam(params);
  const { slug } = await params;
  const campaign = await getPublicCampaignBySlug(slug, locale);
  if (!campaign) notFound();
  const signers = await listRecentPublicSigners(campaign.id);
  const ref = (await searchParams).ref;
  const referralCode = typeof ref === "string" && /^[a-z0-9]{4,16}$/i.test(ref) ? ref : undefined;
  const targets = campaign.targets.map((c) => c.name).join(", ");
  const shareUrl = `${appUrl}${localePath(locale, `/campaigns/${campaign.slug}`)}`;
  const isLive = campaign.status === "live";
  const why = whyLine(campaign.story);
  const kind = { kind: campaign.kind };

  return (
    <article className="mx-auto max-w-5xl px-4 py-6 lg:grid lg:grid-cols-[minmax(0,1fr)_24rem] lg:gap-x-10">
      {/* Phone: title, why, count, then the form. Wide screens: this on the left, the form top right. */}
      <header className="lg:col-start-1 lg:row-start-1">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">
          {campaign.kind === "pledge" ? t.campaign.pledge : t.campaign.petition} ·{" "}
          {campaign.targets.length > 1 ? t.campaign.targets : t.campaign.target}: {targets}
        </p>
        <h1 className="mt-2 text-3xl font-bold leading-tight sm:text-4xl">{campaign.title}</h1>
        {why && <p className="mt-3 text-lg leading-snug">{why}</p>}
        {campaign.status === "won" && (
          <p role="status" className="mt-4 flex items-center gap-2 rounded border border-success bg-success-soft p-3 font-medium text-success">
            <CheckCircle2 aria-hidden="true" size={20} />
            {format(t.campaign.status.won, { targets, ...kind }, locale)}
          </p>
        )}
        {campaign.victoryNote && (
          <div className="mt-3 rounded border border-success p-3">
            <h2 className="font-semibold text-success">{t.editor.public.victoryNote}</h2>
            <p className="mt-1 whitespace-pre-line">{campaign.victoryNote}</p>
          </div>
        )}
        {isLive && campaign.signingFrozen && (
          <p role="status" className="mt-4 rounded border border-warning bg-warning-soft p-3 font-medium text-warning">
            {t.editor.public.frozen}
          </p>
        )}
        {campaign.status === "closed" && (
          <p role="status" className="mt-4 rounded border border-warning bg-warning-soft p-3 font-medium text-warning">
            {format(t.campaign.status.closed, kind, locale)}
          </p>
        )}
        <div className="mt-5">
          <ProgressBar
            count={campaign.confirmedCount}
            goal={campaign.goal}
            kind={campaign.kind}
            locale={locale}
            t={t}
            note={isLive ? format(t.progress.countedOnConfirm, { kind: campaign.kind }, locale) : undefined}
          />
        </div>
      </header>

      {isLive && !campaign.signingFrozen && (
        <div className="mt-8 lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:mt-0">
          <section id="sign" className="scroll-mt-4 rounded-lg border border-line p-4 shadow-sm lg:sticky lg:top-4">
            <SignedHere slug={campaign.slug} text={format(t.campaign.signedHere, kind, locale)} linkLabel={t.campaign.signedHereLink} />
            <SignForm
              campaignSlug={campaign.slug}
              kind={campaign.kind}
              locale={locale}
              referralCode={referralCode}
              shareHref="#share"
              t={signFormCopy(t, campaign.kind, locale)}
            />
            <p className="mt-4 border-t border-line pt-3">
              {format(t.campaign.runBy, { organizer: t.campaign.organizer })}{" "}
              {format(t.campaign.delivered, { targets, kind: campaign.kind }, locale)}{" "}
              <Link prefetch={false} href={localePath(locale, "/privacy")} className="inline-block py-1 font-medium text-accent underline">
                {t.privacy.link}
              </Link>
            </p>
          </section>
        </div>
      )}

      <div className="mt-8 lg:col-start-1 lg:row-start-2">
        <FactCardsSlot campaignId={campaign.id} locale={locale} t={t} />
        <section aria-labelledby="story-heading">
          <h2 id="story-heading" className="text-2xl font-bold">
            {t.campaign.story}
          </h2>
          <p className="mt-2 max-w-prose border-l-4 border-accent pl-3 text-lg font-medium">
            <span className="sr-only">{t.campaign.ask}: </span>
            {campaign.ask}
          </p>
          <div className="prose-story mt-4 max-w-prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(campaign.story) }} />
        </section>

        <div className="mt-10">
          <SharePanel url={shareUrl} title={campaign.title} kind={campaign.kind} locale={locale} t={t} />
        </div>

        <section aria-labelledby="signers-heading" className="mt-10">
          <h2 id="signers-heading" className="text-xl font-semibold">
            {format(t.campaign.recentSigners, kind, locale)}
          </h2>
          {signers.length === 0 ? (
            <p className="mt-2">{format(t.campaign.recentNone, kind, locale)}</p>
          ) : (
            <ul className="mt-3 flex flex-wrap gap-2">
              {signers.map((s, i) => (
                <li key={i} className="rounded-full bg-accent-soft px-3 py-1 text-sm font-medium text-accent">
                  {s.name}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </article>
  );
}
