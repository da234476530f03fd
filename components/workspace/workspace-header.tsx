// The workspace's own bar under the site header: who is signed in, the way back to the
// dashboard, the admin pages for admins, and signing out (a form: works without JavaScript).
import Link from "next/link";
import type { SignedInUser } from "@/lib/auth/current-user";
import { signOutAction } from "@/lib/auth/actions";
import { adminPath, dashboardPath } from "@/lib/auth/paths";
import { format, type Locale, type Messages } from "@/lib/i18n";

const linkClass = "inline-flex min-h-11 items-center rounded px-2 font-medium underline-offset-2 hover:underline";

export function WorkspaceHeader({
  locale,
  t,
  user,
}: {
  locale: Locale;
  t: Messages["workspace"]["shell"];
  user: SignedInUser;
}) {
  return (
    <div className="border-b border-line bg-zinc-50">
      <nav aria-label={t.nav} className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-1">
        <Link href={dashboardPath(locale)} className={linkClass}>
          {t.dashboard}
        </Link>
        {user.isAdmin && (
          <Link href={adminPath(locale)} className={linkClass}>
            {t.admin}
          </Link>
        )}
        {/* On a phone the address takes a line of its own, below the links and the button. */}
        <p className="order-last w-full min-w-0 pb-1 text-sm text-muted [overflow-wrap:anywhere] sm:order-none sm:ml-auto sm:w-auto sm:pb-0">
          {format(t.signedInAs, { email: user.email }, locale)}
        </p>
        <form action={signOutAction} className="ml-auto sm:ml-0">
          <input type="hidden" name="locale" value={locale} />
          <button type="submit" className="min-h-11 rounded border border-line bg-white px-3 font-medium hover:bg-accent-soft">
            {t.signOut}
          </button>
        </form>
      </nav>
    </div>
  );
}
