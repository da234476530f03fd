import type { Metadata } from "next";
import { requireUser } from "@/lib/auth/guard";
import { localeParam } from "@/lib/i18n/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { t } = await localeParam(params);
  return { title: t.workspace.shell.dashboard };
}

export default async function DashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await localeParam(params);
  await requireUser(locale);
  return <h1 className="text-3xl font-bold">{t.workspace.shell.dashboard}</h1>;
}
