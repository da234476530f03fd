// One update: while a draft (or scheduled), its text, the audience it would reach, the
// email as signers will see it at phone and desktop widths, a test send to oneself,
// and sending now or at a set time; once sending, live progress with pause and cancel.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/updates/action-form";
import { ComposeForm } from "@/components/updates/compose-form";
import { LiveRefresh } from "@/components/updates/live-refresh";
import { ScheduleFields } from "@/components/updates/schedule-fields";
import { requireCampaign } from "@/lib/auth/guard";
import { workspaceCampaignPath } from "@/lib/auth/paths";
import { roleCan } from "@/lib/auth/permissions";
import { localizedTitle } from "@/lib/campaigns/queries";
import { renderUpdate } from "@/lib/email/compose";
import { format, formatNumber, type Locale } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { controlAction, overrideLimitAction, saveUpdateAction, scheduleAction, sendNowAction, testSendAction } from "@/lib/updates/actions";
import { currentContent } from "@/lib/updates/mutations";
import { findUpdate } from "@/lib/updates/queries";
import { audienceCount, sendsThisWeek, WEEKLY_SEND_LIMIT } from "@/lib/updates/sending";

type Props = { params: Promise<{ locale: string; campaignId: string; updateId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.updates.title };
}

export default async function UpdatePage({ params }: Props) {
  const { locale, t } = await localeParam(params);
  const { campaignId, updateId } = await params;
  const { user, campaign } = await requireCampaign(locale, campaignId, "updates.write");
  const update = await findUpdate(campaign.id, updateId);
  if (!update) notFound();
  const u = t.updates;
  const d = u.detail;
  const editable = update.state === "draft" || update.state === "scheduled";
  const canSend = roleCan(campaign.group.role, "updates.send");
  const hidden = { campaignId: campaign.id, updateId: update.id, locale };
  const tt = { updates: u, errors: t.errors };
  const n = (value: number) => formatNumber(locale, value);

  const [frozen, audience, used] = await Promise.all([
    currentContent(campaign.id, update.id),
    editable ? audienceCount(campaign.id, update.audience) : Promise.resolve(0),
    sendsThisWeek(campaign.id),
  ]);
  const previews = frozen
    ? await Promise.all((["en", "es"] as Locale[]).map(async (l) => ({ locale: l, html: (await renderUpdate(frozen, l, null)).html })))
    : [];
  const overLimit = used >= WEEKLY_SEND_LIMIT && !update.limitOverridden;

  return (
    <div>
      <Link href={workspaceCampaignPath(locale, campaign.id, "/updates")} className="text-sm underline">{d.back}</Link>
      <p className="mt-2 text-sm text-muted">{localizedTitle(campaign, locale)}</p>
      <h1 className="text-2xl font-bold break-words">{update.subject}</h1>
      <p className="mt-1 font-medium">{u.states[update.state]}</p>

      {!editable && (
        <section aria-labelledby="progress" className="mt-4">
          {update.state === "sending" && <LiveRefresh />}
          <h2 id="progress" className="sr-only">{d.progress}</h2>
          <p className="text-xl font-semibold tabular-nums" role="status">{format(d.progress, { sent: n(update.sent), total: n(update.total) }, locale)}</p>
          <progress className="mt-2 h-3 w-full max-w-md" max={Math.max(1, update.total)} value={update.sent} />
          <dl className="mt-3 grid max-w-md grid-cols-2 gap-1 text-sm">
            {(["delivered", "bounced", "complained", "unsubscribed"] as const).map((k) => (
              <div key={k} className="contents"><dt>{u.columns[k]}</dt><dd className="tabular-nums">{n(update[k])}</dd></div>
            ))}
          </dl>
          {update.failed > 0 && <p className="mt-2 text-danger">{format(d.failed, { count: update.failed }, locale)}</p>}
          <p className="mt-2 text-sm text-muted">{d.frozen}</p>
          {canSend && (
            <div className="mt-4 flex flex-wrap gap-3">
              {update.state === "sending" && <ActionForm action={controlAction} hidden={{ ...hidden, control: "pause" }} label={d.pause} t={tt} />}
              {update.state === "paused" && <ActionForm action={controlAction} hidden={{ ...hidden, control: "resume" }} label={d.resume} t={tt} />}
              {(update.state === "sending" || update.state === "paused") && (
                <ActionForm action={controlAction} hidden={{ ...hidden, control: "cancel" }} label={d.cancel} t={tt} danger />
              )}
            </div>
          )}
        </section>
      )}

      {editable && (
        <section aria-labelledby="send" className="mt-4 space-y-4 rounded border border-line p-4">
          <h2 id="send" className="text-lg font-semibold">{d.sendNow}</h2>
          <p>{format(d.audience, { count: audience }, locale)}</p>
          {update.state === "scheduled" && update.scheduledAt && (
            <p>{format(d.scheduled, { when: new Intl.DateTimeFormat(locale, { dateStyle: "full", timeStyle: "short", timeZone: "UTC" }).format(update.scheduledAt) + " UTC" }, locale)}</p>
          )}
          {update.limitOverridden && <p className="text-sm">{d.overridden}</p>}
          {overLimit && <p className="text-sm font-medium">{format(u.weeklyFull, { limit: WEEKLY_SEND_LIMIT }, locale)}</p>}
          <ActionForm action={testSendAction} hidden={hidden} label={d.test} okMessage={d.testSent} t={tt} />
          {canSend && (
            <>
              <p className="text-sm text-muted">{d.sendConfirm}</p>
              <ActionForm action={sendNowAction} hidden={hidden} label={d.sendNow} t={tt} />
              <ActionForm action={scheduleAction} hidden={hidden} label={d.schedule} t={tt}>
                <ScheduleFields label={d.scheduleAt} />
              </ActionForm>
              <ActionForm action={controlAction} hidden={{ ...hidden, control: "cancel" }} label={d.cancelDraft} t={tt} danger />
            </>
          )}
          {overLimit && user.isAdmin && <ActionForm action={overrideLimitAction} hidden={hidden} label={d.override} t={tt} />}
        </section>
      )}

      <section aria-labelledby="preview" className="mt-8">
        <h2 id="preview" className="text-lg font-semibold">{d.preview}</h2>
        {previews.map((p) => (
          <div key={p.locale} className="mt-4">
            <h3 className="font-medium">{format(d.previewLanguage, { language: p.locale === "en" ? u.compose.english : u.compose.spanish }, locale)}</h3>
            <div className="mt-2 flex flex-wrap gap-4">
              <figure>
                <figcaption className="text-sm text-muted">{d.phone}</figcaption>
                <iframe title={`${d.phone} (${p.locale})`} srcDoc={p.html} sandbox="" className="mt-1 h-[560px] w-[390px] max-w-full rounded border border-line bg-white" />
              </figure>
              <figure className="hidden md:block">
                <figcaption className="text-sm text-muted">{d.desktop}</figcaption>
                <iframe title={`${d.desktop} (${p.locale})`} srcDoc={p.html} sandbox="" className="mt-1 h-[560px] w-[680px] rounded border border-line bg-white" />
              </figure>
            </div>
          </div>
        ))}
      </section>

      {editable && (
        <section aria-labelledby="edit" className="mt-8">
          <h2 id="edit" className="text-lg font-semibold">{u.compose.editTitle}</h2>
          <ComposeForm
            action={saveUpdateAction}
            locale={locale}
            campaignId={campaign.id}
            updateId={update.id}
            initial={{ subject: update.subject, subjectEs: update.subjectEs, body: update.body, bodyEs: update.bodyEs, referredBy: update.audience.referredBy ?? "" }}
            t={tt}
          />
        </section>
      )}
    </div>
  );
}
