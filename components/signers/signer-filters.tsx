import type { Messages } from "@/lib/i18n";
import { signerStatuses, type SignerFilter } from "@/lib/signers/schemas";

// The filters above the signers table: a plain GET form, so it works without JavaScript
// and a filtered table has an address that can be bookmarked.
const field = "mt-1 block min-h-11 w-full rounded border border-line bg-white px-3";

export function SignerFilters({ t, filter, action }: { t: Messages["signers"]; filter: SignerFilter; action: string }) {
  return (
    <form method="get" action={action} role="search" aria-label={t.table.filters} className="mt-6 grid gap-4 rounded-lg border border-line p-4 sm:grid-cols-2 lg:grid-cols-6">
      <div className="sm:col-span-2">
        <label htmlFor="signers-q" className="font-medium">{t.table.search}</label>
        <input id="signers-q" name="q" type="search" maxLength={100} defaultValue={filter.q ?? ""} aria-describedby="signers-q-hint" className={field} />
        <p id="signers-q-hint" className="mt-1 text-sm text-muted">{t.table.searchHint}</p>
      </div>
      <div>
        <label htmlFor="signers-status" className="font-medium">{t.table.status}</label>
        <select id="signers-status" name="status" defaultValue={filter.status ?? ""} className={field}>
          <option value="">{t.table.anyStatus}</option>
          {signerStatuses.map((s) => <option key={s} value={s}>{t.statuses[s]}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="signers-opted" className="font-medium">{t.table.optedIn}</label>
        <select id="signers-opted" name="optedIn" defaultValue={filter.optedIn ?? ""} className={field}>
          <option value="">{t.table.optedInAny}</option>
          <option value="yes">{t.table.optedInYes}</option>
          <option value="no">{t.table.optedInNo}</option>
        </select>
      </div>
      <div>
        <label htmlFor="signers-source" className="font-medium">{t.table.source}</label>
        <select id="signers-source" name="source" defaultValue={filter.source ?? ""} className={field}>
          <option value="">{t.table.sourceAny}</option>
          <option value="direct">{t.table.sourceDirect}</option>
          <option value="shared">{t.table.sourceShared}</option>
        </select>
      </div>
      <div className="grid grid-cols-2 gap-2 sm:col-span-2 lg:col-span-6 lg:grid-cols-4">
        <div>
          <label htmlFor="signers-from" className="font-medium">{t.table.from}</label>
          <input id="signers-from" name="from" type="date" defaultValue={filter.from ?? ""} className={field} />
        </div>
        <div>
          <label htmlFor="signers-to" className="font-medium">{t.table.to}</label>
          <input id="signers-to" name="to" type="date" defaultValue={filter.to ?? ""} className={field} />
        </div>
        <div className="col-span-2 flex items-end gap-3">
          <button type="submit" className="min-h-11 rounded bg-accent px-5 font-semibold text-white hover:bg-accent-hover">{t.table.apply}</button>
          <a href={action} className="inline-flex min-h-11 items-center px-2 underline">{t.table.clear}</a>
        </div>
      </div>
    </form>
  );
}
