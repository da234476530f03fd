import type { Metadata } from "next";
import { WorkspaceHeader } from "@/components/workspace/workspace-header";
import { currentUser } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/server";

// The workspace (dashboard, admin, sign-in) is for organizers, never for search engines.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale, t } = await localeParam(params);
  const user = await currentUser();
  return (
    <>
      {user && <WorkspaceHeader locale={locale} t={t.workspace.shell} user={user} />}
      <div className="mx-auto max-w-6xl px-4 py-6">{children}</div>
    </>
  );
}
