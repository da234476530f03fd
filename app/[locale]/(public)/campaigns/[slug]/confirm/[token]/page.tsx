// The link in the confirmation email lands here. Opening it changes nothing (mail
// scanners open links); the person sees what will be public, may hide their name,
// and presses the button, a POST, to confirm. The thank-you and personal share link
// that follow are shown only in the browser that confirmed (lib/signatures/thanks-cookie.ts):
// anyone else opening this address is taken to the campaign and its sign form.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { CheckCircle2 } from "lucide-react";
import { ProgressBar } from "@/components/progress-bar";
import { SharePanel } from "@/components/share-panel";
import { RememberSigned } from "@/components/signed-here";
import { getPublicCampaignBySlug } from "@/lib/campaigns/queries";
import { appUrl } from "@/lib/env";
import { format, localePath, type Locale } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { confirmAction } from "@/lib/signatures/actions";
import { CONFIRM_GRACE_AFTER_CLOSE_HOURS, confirmationNumber, findSignatureForToken, type TokenSignature } from "@/lib/signatures/queries";
import { confirmedHere, confirmPagePath } from "@/lib/signatures/thanks-cookie";
import { SignForm } from "../../sign-form";
import { signFormCopy } from "../../sign-form-copy";

type Props = {
  params: Promise<{ locale: string; slug: string; token: string }>;
  searchParams: Promise<{ result?: string }>;
};

// The metadata and the page read the signature once per request.
const signatureFor = cache(findSignatureForToken);

/**
 * Where the link's holder stands, for the page and its title alike: confirmed ("done"), a
 * link that no longer works ("dead"), a campaign closed past its grace ("closed"), or one
 * step from counting ("confirm").
 */
type ConfirmStep = { step: "dead" } | { step: "done" | "closed" | "confirm"; signature: TokenSignature };

function confirmStep(signature: TokenSignature | null): ConfirmStep {
  if (signature?.status === "validated") return { step: "done", signature };
  if (!signature || signature.expired || signature.status !== "pending") return { step: "dead" };
  return { step: signature.campaignOpen ? "confirm" : "closed", signature };
}

/** The tab's title says what the page says. */
export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, t } = await localeParam(params);
  const { slug, token } = await params;
  const [campaign, signature, { result }] = await Promise.all([getPublicCampaignBySlug(slug, locale), signatureFor(token), searchParams]);
  const titles = {
    done: result === "confirmed" ? t.confirm.confirmedTitle : t.confirm.alreadyTitle,
    dead: t.confirm.invalidTitle,
    closed: t.confirm.closedTitle,
    confirm: t.confirm.title,
  };
  return { title: format(titles[confirmStep(signature).step], { kind: campaign?.kind ?? "petition" }, locale), robots: { index: false } };
}

function formatMoment(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  }).format(date);
}

export default async function ConfirmPage({ params, searchParams }: Props) {
  const { locale, t } = await localeParam(params);
  const { slug, token } = await params;
  const { result } = await searchParams;
  const found = await signatureFor(token);
  // A token belongs to one campaign: under another campaign's address it leads to its own.
  if (found && found.campaignSlug !== slug) redirect(confirmPagePath(locale, found.campaignSlug, token));
  const campaign = await getPublicCampaignBySlug(slug, locale);
  if (!campaign) notFound();
  const campaignPath = localePath(locale, `/campaigns/${campaign.slug}`);
  // Every word about the signature follows the campaign: a pledge says "pledge".
  const kind = campaign.kind;
  const say = (message: string, values: Record<string, string | number> = {}) => format(message, { kind, ...values }, locale);

  const at = confirmStep(found);
  if (at.step === "done") {
    const { signature } = at;
    // Someone this address was shared with: the campaign, credited to the person who shared it.
    if (!(await confirmedHere(locale, token))) redirect(`${campaignPath}?ref=${signature.referralCode}`);
    const fresh = result === "confirmed";
    const shareUrl = `${appUrl}${campaignPath}?ref=${signature.referralCode}`;
    const number = await confirmationNumber(token);
    // The campaign's count is cached for a moment: never show fewer than this signer's number.
    const count = Math.max(campaign.confirmedCount, number ?? 0);
    return (
      <div className="mx-auto max-w-2xl space-y-6 px-4 py-8">
        <div role="status" className="rounded-lg border border-success bg-success-soft p-5">
          <h1 className="flex items-center gap-2 text-2xl font-bold text-success">
            <CheckCircle2 aria-hidden="true" size={28} />
            {fresh ? say(t.confirm.confirmedTitle) : say(t.confirm.alreadyTitle)}
          </h1>
          <p className="mt-2">{fresh ? say(t.confirm.confirmed, { title: campaign.title }) : say(t.confirm.already)}</p>
        </div>
        <RememberSigned slug={campaign.slug} path={confirmPagePath(locale, campaign.slug, token)} />
        <section aria-labelledby="your-number">
          {number && (
            <h2 id="your-number" className="mb-3 text-2xl font-bold">
              {format(t.confirm.yourNumber, { n: number, goal: campaign.goal }, locale)}
            </h2>
          )}
          <ProgressBar count={count} goal={campaign.goal} kind={campaign.kind} locale={locale} t={t} nudge={false} />
        </section>
        <SharePanel url={shareUrl} title={campaign.title} kind={kind} locale={locale} t={t} personal />
        <Link href={campaignPath} className="inline-block font-medium text-accent underline">
          {t.confirm.backToCampaign}
        </Link>
      </div>
    );
  }

  if (at.step === "dead") {
    return (
      <div className="mx-auto max-w-2xl px-4 py-8">
        <h1 className="text-2xl font-bold">{t.confirm.invalidTitle}</h1>
        <p className="mt-2">{say(t.confirm.invalid)}</p>
        {campaign.status === "live" && (
          <section id="sign" className="mt-6 rounded-lg border border-line p-4 shadow-sm">
            <p className="mb-3 font-medium">{say(t.confirm.signAgain)}</p>
            <SignForm campaignSlug={campaign.slug} kind={kind} locale={locale} t={signFormCopy(t, kind, locale)} />
          </section>
        )}
        <Link href={campaignPath} className="mt-4 inline-block font-medium text-accent underline">
          {t.confirm.backToCampaign}: {campaign.title}
        </Link>
      </div>
    );
  }

  const { signature } = at;
  const { closedAt, confirmBy } = signature;
  if (at.step === "closed") {
    return (
      <div className="mx-auto max-w-2xl px-4 py-8">
        <h1 className="text-2xl font-bold">{t.confirm.closedTitle}</h1>
        <p className="mt-2">
          {say(t.confirm.closed, {
            title: campaign.title,
            date: closedAt ? formatMoment(locale, closedAt) : "",
            hours: CONFIRM_GRACE_AFTER_CLOSE_HOURS,
          })}
        </p>
        <Link href={campaignPath} className="mt-4 inline-block font-medium text-accent underline">
          {t.confirm.backToCampaign}: {campaign.title}
        </Link>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-2xl font-bold">{say(t.confirm.title)}</h1>
      <p className="mt-2 text-lg">{say(t.confirm.intro, { title: campaign.title })}</p>
      {result === "changed" && (
        <p role="alert" className="mt-4 rounded border border-danger bg-red-50 p-3 font-medium text-danger">
          {say(t.confirm.changed)}
        </p>
      )}
      {closedAt && confirmBy && (
        <p role="status" className="mt-4 rounded border border-warning bg-warning-soft p-3 font-medium text-warning">
          {say(t.confirm.closingNote, {
            date: formatMoment(locale, closedAt),
            deadline: formatMoment(locale, confirmBy),
          })}
        </p>
      )}
      <form action={confirmAction} className="mt-6 space-y-6">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="campaign" value={campaign.slug} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="details" value={signature.detailsDigest} />
        <fieldset className="space-y-3 rounded-lg border border-line p-4">
          <legend className="px-1 text-lg font-semibold">{t.confirm.publicHeading}</legend>
          <p>{say(t.confirm.signedAs, { name: signature.fullName })}</p>
          <div className="flex items-start gap-3">
            <input
              id="showName"
              name="showName"
              type="checkbox"
              defaultChecked={signature.showName}
              className="mt-0.5 size-6 shrink-0 accent-accent"
            />
            <label htmlFor="showName">{format(t.confirm.showName, { publicName: signature.publicName })}</label>
          </div>
          <p className="text-sm text-muted">{t.confirm.private}</p>
          <p className="text-sm text-muted">
            {say(t.confirm.notYou)}{" "}
            <Link href={`${campaignPath}#sign`} className="font-medium text-accent underline">
              {campaign.title}
            </Link>
          </p>
        </fieldset>
        <button
          type="submit"
          className="min-h-12 w-full rounded bg-accent px-6 text-lg font-semibold text-white hover:bg-accent-hover sm:w-auto"
        >
          {say(t.confirm.button)}
        </button>
      </form>
    </div>
  );
}
