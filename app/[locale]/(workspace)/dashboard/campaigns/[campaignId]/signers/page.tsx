import type { Metadata } from "next";
import { CampaignTabs } from "@/components/workspace/campaign-tabs";
import { RemoveSignerForm } from "@/components/signers/remove-signer-form";
import { SignerFilters } from "@/components/signers/signer-filters";
import { SignersTable } from "@/components/signers/signers-table";
import { requireCampaign } from "@/lib/auth/guard";
import { workspaceCampaignPath } from "@/lib/auth/paths";
import { roleCan } from "@/lib/auth/permissions";
import { localizedTitle } from "@/lib/campaigns/queries";
import { format } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { countSigners, findSigner, listSigners } from "@/lib/signers/queries";
import { filterParams, signerPageSchema } from "@/lib/signers/schemas";

type Props = {
  params: Promise<{ locale: string; campaignId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.workspace.tabs.signers };
}

const withQuery = (path: string, query: Record<string, string>) => {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
};

export default async function SignersPage({ params, searchParams }: Props) {
  const { locale, t } = await localeParam(params);
  const { campaignId } = await params;
  const { campaign, group } = await requireCampaign(locale, campaignId, "signers.read");
  const raw = await searchParams;
  const input = signerPageSchema.parse(raw);
  const filter = { q: input.q, status: input.status, optedIn: input.optedIn, source: input.source, from: input.from, to: input.to };
  const scope = { campaignId: campaign.id, groupId: group.id };
  const canRemove = roleCan(group.role, "signers.remove");
  const canExport = roleCan(group.role, "signers.export");
  const removeId = typeof raw.remove === "string" ? raw.remove : undefined;
  const [page, counts, toRemove] = await Promise.all([
    listSigners(scope, input),
    countSigners(scope, filter),
    canRemove && removeId ? findSigner(scope, removeId) : null,
  ]);
  const path = workspaceCampaignPath(locale, campaign.id, "/signers");
  const query = filterParams(filter);
  const here = withQuery(path, { ...query, ...(input.after ? { after: input.after } : {}), ...(input.before ? { before: input.before } : {}) });
  const ts = t.signers;
  const removed = raw.removed === "confirmed" ? ts.remove.removedConfirmed : raw.removed === "other" ? ts.remove.removedOther : null;

  return (
    <div>
      <p className="text-sm text-muted">{group.name}</p>
      <h1 className="text-2xl font-bold">{format(ts.table.title, { campaign: localizedTitle(campaign, locale) }, locale)}</h1>
      <CampaignTabs locale={locale} t={t} campaignId={campaign.id} role={group.role} current="signers" />

      {removed && <p role="status" className="mt-4 rounded-lg border border-success bg-success-soft p-3">{removed}</p>}

      {toRemove && (
        <section aria-labelledby="remove-title" className="mt-4 rounded-lg border-2 border-danger p-4">
          <h2 id="remove-title" className="text-lg font-semibold">{ts.remove.title}</h2>
          <p className="mt-2">{format(ts.remove.explain, { name: toRemove.fullName, email: toRemove.email }, locale)}</p>
          <RemoveSignerForm
            campaignId={campaign.id}
            signatureId={toRemove.id}
            back={here}
            cancelHref={here}
            labels={{ confirm: ts.remove.confirm, cancel: ts.remove.cancel, notFound: ts.remove.notFound, error: ts.remove.failed }}
          />
        </section>
      )}

      <SignerFilters t={ts} filter={filter} action={path} />

      {canExport && (
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <a href={withQuery(`${path}/export`, query)} download
            className="inline-flex min-h-11 items-center rounded border-2 border-accent px-4 font-semibold text-accent hover:bg-accent-soft">
            {format(ts.export.button, { count: counts.confirmed }, locale)}
          </a>
          <p className="max-w-2xl text-sm text-muted">{ts.export.note}</p>
        </div>
      )}

      <SignersTable
        locale={locale}
        t={ts}
        rows={page.rows}
        matching={counts.matching}
        canRemove={canRemove}
        removeHref={(id) => withQuery(path, { ...query, ...(input.after ? { after: input.after } : {}), ...(input.before ? { before: input.before } : {}), remove: id })}
      />

      {(page.previous || page.next) && (
        <nav aria-label={ts.table.pages} className="mt-4 flex justify-between gap-4">
          {page.previous ? <a href={withQuery(path, { ...query, before: page.previous })} className="inline-flex min-h-11 items-center underline">← {ts.table.previous}</a> : <span />}
          {page.next ? <a href={withQuery(path, { ...query, after: page.next })} className="inline-flex min-h-11 items-center underline">{ts.table.next} →</a> : <span />}
        </nav>
      )}
    </div>
  );
}
