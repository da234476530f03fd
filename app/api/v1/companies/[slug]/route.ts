import { NextResponse } from "next/server";
import { apiFailure, publicJson, requestLocale } from "@/lib/api";
import { messages } from "@/lib/i18n";
import { companyJson } from "@/lib/facts/api-json";
import { getCompanyPage } from "@/lib/facts/page-queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const locale = requestLocale(request);
  let company;
  try {
    company = await getCompanyPage((await params).slug, locale);
  } catch (error) {
    return apiFailure("api-company", error, locale);
  }
  // apiError's not_found names a campaign: the same shape, with the company's words.
  if (!company) {
    return NextResponse.json(
      { error: { code: "not_found", message: messages(locale).facts.companyNotFound } },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  }
  return publicJson(companyJson(company, locale), locale);
}
