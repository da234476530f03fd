// The footer link of every update lands here. Opening it changes nothing (mail
// scanners open links); one button leaves this campaign's updates, the other all mail.
import type { Metadata } from "next";
import Link from "next/link";
import { format, localePath } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { findUnsubscribeTarget } from "@/lib/updates/unsubscribe";
import { unsubscribeAction } from "@/lib/updates/unsubscribe-actions";

type Props = { params: Promise<{ locale: string; token: string }>; searchParams: Promise<{ done?: string; invalid?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.updates.unsubscribe.title, robots: { index: false } };
}

export const dynamic = "force-dynamic";

export default async function UnsubscribePage({ params, searchParams }: Props) {
  const { locale, t } = await localeParam(params);
  const { token } = await params;
  const { done } = await searchParams;
  const u = t.updates.unsubscribe;
  const shell = (children: React.ReactNode) => (
    <div className="mx-auto max-w-xl px-4 py-8">
      <h1 className="text-2xl font-bold">{u.title}</h1>
      {children}
    </div>
  );
  if (token === "preview") return shell(<p className="mt-4">{u.preview}</p>);
  if (done === "campaign" || done === "all") {
    return shell(<p role="status" className="mt-4 rounded-lg border border-success bg-success-soft p-4">{done === "all" ? u.doneAll : u.doneCampaign}</p>);
  }
  const target = await findUnsubscribeTarget(token);
  if (!target) return shell(<p className="mt-4">{u.invalid}</p>);
  const title = (locale === "es" && target.campaignTitleEs) || target.campaignTitle;
  return shell(
    <>
      <p className="mt-2 text-lg">{format(u.intro, { campaign: title }, locale)}</p>
      <form action={unsubscribeAction} className="mt-6 flex flex-col gap-3 sm:items-start">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="locale" value={locale} />
        <button type="submit" name="scope" value="campaign" className="min-h-12 rounded bg-accent px-6 text-lg font-semibold text-white hover:bg-accent-hover">
          {u.campaign}
        </button>
        <button type="submit" name="scope" value="all" className="min-h-12 rounded border border-accent px-6 text-lg font-semibold text-accent hover:bg-accent-soft">
          {u.all}
        </button>
      </form>
      <p className="mt-6">
        <Link href={localePath(locale, "/privacy/delete")} className="underline">{u.deleteData}</Link>
      </p>
    </>,
  );
}
