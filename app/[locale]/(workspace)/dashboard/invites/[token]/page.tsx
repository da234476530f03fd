import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guard";
import { dashboardPath } from "@/lib/auth/paths";
import { getInviteByToken } from "@/lib/groups/queries";
import { format } from "@/lib/i18n";
import { localeParam } from "@/lib/i18n/server";
import { AcceptInviteForm } from "./accept-form";

type Params = Promise<{ locale: string; token: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.workspace.invite.pageTitle, referrer: "no-referrer" };
}

// The invite email's link. Signed out: the sign-in page, which comes back here. Opening it
// changes nothing; the button joins, and only for the address the invite was sent to.
export default async function InvitePage({ params }: { params: Params }) {
  const { locale, t } = await localeParam(params);
  const user = await requireUser(locale);
  const { token } = await params;
  const invite = await getInviteByToken(token);
  const i = t.workspace.invite;
  if (!invite || invite.expired || invite.accepted) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="text-3xl font-bold">{i.invalidTitle}</h1>
        <p className="mt-3 text-lg">{i.invalid}</p>
        <Link href={dashboardPath(locale)} className="mt-6 inline-flex min-h-11 items-center font-semibold text-accent underline">
          {t.workspace.signIn.toDashboard}
        </Link>
      </div>
    );
  }
  const role = t.workspace.roles[invite.role];
  return (
    <div className="mx-auto max-w-md">
      <h1 className="text-3xl font-bold break-words">{format(i.title, { group: invite.groupName }, locale)}</h1>
      <p className="mt-3 text-lg">{format(i.body, { group: invite.groupName, role }, locale)}</p>
      {invite.email === user.email.toLowerCase() ? (
        <AcceptInviteForm locale={locale} token={token} t={{ invite: i, errors: t.workspace.errors, fields: t.workspace.fields }} />
      ) : (
        <p role="alert" className="mt-6 rounded border border-warning bg-warning-soft p-3 font-medium text-warning">
          {format(i.wrongAddress, { email: invite.email, you: user.email }, locale)}
        </p>
      )}
    </div>
  );
}
