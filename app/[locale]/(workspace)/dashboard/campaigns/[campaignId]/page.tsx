import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CampaignHeader } from "@/components/editor/campaign-header";
import { ConfirmForm } from "@/components/editor/confirm-form";
import { requireCampaign } from "@/lib/auth/guard";
import { workspaceCampaignPath } from "@/lib/auth/paths";
import { roleCan } from "@/lib/auth/permissions";
import { closeCampaignAction, safetyControlAction, submitCampaignAction, winCampaignAction } from "@/lib/campaigns/actions";
import { localizedTitle } from "@/lib/campaigns/queries";
import { canPurge, canTransition, effectiveStatus, isEditable, PUBLIC_STATUSES } from "@/lib/campaigns/states";
import { campaignCounts, getGroupCampaign } from "@/lib/campaigns/workspace-queries";
import { format, formatNumber, localePath } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";

type Props = {
  params: Promise<{ locale: string; campaignId: string }>;
  searchParams: Promise<{ confirm?: string | string[]; done?: string | string[] }>;
};

const confirmations = ["submit", "close", "win", "freeze", "unfreeze", "hideNames", "showNames", "purge"] as const;
type Confirmation = (typeof confirmations)[number];
const isConfirmation = (v: unknown): v is Confirmation => typeof v === "string" && (confirmations as readonly string[]).includes(v);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.workspace.tabs.overview };
}

const buttonClass = "inline-flex min-h-11 items-center rounded px-4 font-semibold";
const primary = `${buttonClass} bg-accent text-white hover:bg-accent-hover`;
const secondary = `${buttonClass} border border-accent text-accent hover:bg-accent-soft`;
const dangerous = `${buttonClass} border border-danger text-danger hover:bg-red-50`;

export default async function CampaignOverviewPage({ params, searchParams }: Props) {
  const { locale, t } = await localeParam(params);
  const { campaignId } = await params;
  const { campaign, group } = await requireCampaign(locale, campaignId, "campaigns.read");
  const row = await getGroupCampaign({ campaignId: campaign.id, groupId: group.id });
  if (!row) notFound();
  const counts = await campaignCounts(row.id);
  const query = await searchParams;
  const e = t.editor;
  const here = workspaceCampaignPath(locale, row.id);
  const shown = effectiveStatus(row.status, row.endsAt);
  const expired = row.status === "live" && shown === "closed";
  const mayWrite = roleCan(group.role, "campaigns.write");
  const mayManage = roleCan(group.role, "campaigns.manage");
  const day = (d: Date) => new Intl.DateTimeFormat(locale === "es" ? "es-US" : "en-US", { dateStyle: "long", timeZone: "UTC" }).format(d);

  // What each confirmation may do now, for this role: anything else in ?confirm= is ignored.
  const allowed: Record<Confirmation, boolean> = {
    submit: mayWrite && canTransition(row.status, "submit", "organizer"),
    close: mayManage && canTransition(row.status, "close", "organizer"),
    win: mayManage && canTransition(row.status, "win", "organizer"),
    freeze: mayManage && !row.signingFrozenAt && shown === "live",
    unfreeze: mayManage && Boolean(row.signingFrozenAt),
    hideNames: mayManage && !row.namesHidden,
    showNames: mayManage && row.namesHidden && !row.personalDataPurgedAt,
    purge: mayManage && canPurge(row.status) && !row.personalDataPurgedAt,
  };
  const confirm = isConfirmation(query.confirm) && allowed[query.confirm] ? query.confirm : null;
  const done = isConfirmation(query.done) || query.done === "created" || query.done === "saved" ? (query.done as keyof typeof e.done) : null;
  const title = localizedTitle(row, locale);
  const vars = { title };
  const common = { hidden: { campaignId: row.id, locale }, cancelHref: here, permalink: `${here}?confirm=${confirm}`, t: { editor: e, errors: t.workspace.errors } };
  const safety = (control: "freeze" | "unfreeze" | "hideNames" | "showNames" | "purge", danger = false) => (
    <ConfirmForm
      {...common} action={safetyControlAction} hidden={{ ...common.hidden, control }} danger={danger}
      question={format(e.safety[`${control}Confirm`], vars)} button={e.safety[control]}
    />
  );
  const ask = (key: Confirmation, label: string, className: string) =>
    allowed[key] ? <Link href={`${here}?confirm=${key}`} className={className}>{label}</Link> : null;

  return (
    <div>
      {/* The state people see: a live campaign past its end date reads as closed. */}
      <CampaignHeader locale={locale} t={t} campaign={{ ...row, title, status: shown }} group={group} current="overview" />
      {done && (
        <p role="status" className="mt-4 rounded border border-success bg-success-soft p-3 font-medium text-success">
          {e.done[done]}
        </p>
      )}

      {confirm === "submit" && <ConfirmForm {...common} action={submitCampaignAction} question={format(e.actions.submitConfirm, vars)} button={e.actions.submit} />}
      {confirm === "close" && <ConfirmForm {...common} action={closeCampaignAction} question={format(e.actions.closeConfirm, vars)} button={e.actions.close} danger />}
      {confirm === "win" && (
        <ConfirmForm
          {...common} action={winCampaignAction} question={format(e.actions.winConfirm, vars)} button={e.actions.win}
          fields={[
            { name: "victoryNote", label: e.actions.victoryNote, hint: e.actions.victoryNoteHint, required: true },
            { name: "victoryNoteEs", label: e.actions.victoryNoteEs, lang: "es" },
          ]}
        />
      )}
      {confirm === "freeze" && safety("freeze", true)}
      {confirm === "unfreeze" && safety("unfreeze")}
      {confirm === "hideNames" && safety("hideNames", true)}
      {confirm === "showNames" && safety("showNames")}
      {confirm === "purge" && safety("purge", true)}

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="next-heading" className="rounded-lg border border-line p-4">
          <h2 id="next-heading" className="text-lg font-semibold">{e.next.heading}</h2>
          <p className="mt-2">
            {expired ? e.next.expired : format(e.next[row.status], { reason: row.rejectionReason ?? row.takedownReason ?? "" })}
          </p>
          <div className="mt-4 flex flex-wrap gap-3">
            {ask("submit", e.actions.submit, primary)}
            {mayWrite && isEditable(row.status) && (
              <Link href={workspaceCampaignPath(locale, row.id, "/edit")} className={secondary}>{e.actions.edit}</Link>
            )}
            {ask("win", e.actions.win, primary)}
            {ask("close", e.actions.close, dangerous)}
          </div>
        </section>

        <section aria-labelledby="facts-heading" className="rounded-lg border border-line p-4">
          <h2 id="facts-heading" className="sr-only">{e.status.label}</h2>
          <ul className="space-y-2">
            <li className="text-lg font-semibold">{format(e.overview.counts, { confirmed: counts.confirmed, pending: counts.pending }, locale)}</li>
            <li>{row.goal ? format(e.overview.goal, { goal: formatNumber(locale, row.goal) }) : e.overview.goalRising}</li>
            <li>{row.endsAt ? format(expired || row.closedAt ? e.overview.endedOn : e.overview.endsOn, { date: day(row.closedAt ?? row.endsAt) }) : row.closedAt ? format(e.overview.endedOn, { date: day(row.closedAt) }) : e.overview.noEnd}</li>
            <li>{format(e.overview.targets, { targets: row.targets.map((c) => c.name).join(", ") })}</li>
            <li>
              {PUBLIC_STATUSES.includes(row.status) ? (
                <Link href={localePath(locale, `/campaigns/${row.slug}`)} className="font-medium text-accent underline">
                  {e.overview.publicPage}
                </Link>
              ) : (
                e.overview.notPublic
              )}
            </li>
          </ul>
        </section>
      </div>

      {mayManage && (
        <section aria-labelledby="safety-heading" className="mt-6 rounded-lg border border-line p-4">
          <h2 id="safety-heading" className="text-lg font-semibold">{e.safety.heading}</h2>
          <p className="mt-1 text-muted">{e.safety.intro}</p>
          <dl className="mt-4 space-y-4">
            {(shown === "live" || row.signingFrozenAt) && <div>
              <dt className="sr-only">{e.safety.freeze}</dt>
              <dd className="flex flex-wrap items-center gap-3">
                <span>{row.signingFrozenAt ? format(e.safety.frozenSince, { date: day(row.signingFrozenAt) }) : e.safety.open}</span>
                {ask("freeze", e.safety.freeze, dangerous)}
                {ask("unfreeze", e.safety.unfreeze, secondary)}
              </dd>
            </div>}
            <div>
              <dt className="sr-only">{e.safety.hideNames}</dt>
              <dd className="flex flex-wrap items-center gap-3">
                <span>{row.namesHidden ? e.safety.namesHidden : e.safety.namesShown}</span>
                {ask("hideNames", e.safety.hideNames, dangerous)}
                {ask("showNames", e.safety.showNames, secondary)}
              </dd>
            </div>
            <div>
              <dt className="sr-only">{e.safety.purge}</dt>
              <dd className="flex flex-wrap items-center gap-3">
                {row.personalDataPurgedAt ? (
                  <span>{format(e.safety.purged, { date: day(row.personalDataPurgedAt) })}</span>
                ) : (
                  !canPurge(row.status) && <span>{e.safety.purgeOnlyClosed}</span>
                )}
                {ask("purge", e.safety.purge, dangerous)}
              </dd>
            </div>
          </dl>
        </section>
      )}
    </div>
  );
}
