// The link in the confirmation email lands here. Opening it changes nothing (mail
// scanners open links); the person presses the button, a POST, to confirm.
import Link from "next/link";
import { CheckCircle2 } from "lucide-react";
import { SharePanel } from "@/components/share-panel";
import { getPublicCampaignBySlug } from "@/lib/campaigns/queries";
import { appUrl } from "@/lib/env";
import { format, localePath } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { confirmAction } from "@/lib/signatures/actions";
import { findSignatureForToken } from "@/lib/signatures/queries";
import { notFound } from "next/navigation";

type Props = {
  params: Promise<{ locale: string; slug: string; token: string }>;
  searchParams: Promise<{ result?: string }>;
};

export const metadata = { robots: { index: false } };

export default async function ConfirmPage({ params, searchParams }: Props) {
  const { locale, t } = await localeParam(params);
  const { slug, token } = await params;
  const { result } = await searchParams;
  const campaign = await getPublicCampaignBySlug(slug, locale);
  if (!campaign) notFound();
  const signature = await findSignatureForToken(token);
  const campaignPath = localePath(locale, `/campaigns/${campaign.slug}`);

  if (signature?.status === "validated") {
    const fresh = result === "confirmed";
    const shareUrl = `${appUrl}${campaignPath}?ref=${signature.referralCode}`;
    return (
      <div className="mx-auto max-w-2xl space-y-6 px-4 py-8">
        <div role="status" className="rounded-lg border border-success bg-success-soft p-5">
          <h1 className="flex items-center gap-2 text-2xl font-bold text-success">
            <CheckCircle2 aria-hidden="true" size={28} />
            {fresh ? t.confirm.confirmedTitle : t.confirm.alreadyTitle}
          </h1>
          <p className="mt-2">{fresh ? format(t.confirm.confirmed, { title: campaign.title }) : t.confirm.already}</p>
        </div>
        <SharePanel url={shareUrl} title={campaign.title} t={t} personal />
        <Link href={campaignPath} className="inline-block font-medium text-accent underline">
          {t.confirm.backToCampaign}
        </Link>
      </div>
    );
  }

  if (!signature || signature.expired) {
    return (
      <div className="mx-auto max-w-2xl px-4 py-8">
        <h1 className="text-2xl font-bold">{t.confirm.invalidTitle}</h1>
        <p className="mt-2">{t.confirm.invalid}</p>
        <Link href={campaignPath} className="mt-4 inline-block font-medium text-accent underline">
          {t.confirm.backToCampaign}: {campaign.title}
        </Link>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <h1 className="text-2xl font-bold">{t.confirm.title}</h1>
      <p className="mt-2 text-lg">{format(t.confirm.intro, { title: campaign.title })}</p>
      <form action={confirmAction} className="mt-6">
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="campaign" value={campaign.slug} />
        <input type="hidden" name="token" value={token} />
        <button
          type="submit"
          className="min-h-12 w-full rounded bg-accent px-6 text-lg font-semibold text-white hover:bg-accent-hover sm:w-auto"
        >
          {t.confirm.button}
        </button>
      </form>
    </div>
  );
}
