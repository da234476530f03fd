import { apiFailure, publicJson, requestLocale } from "@/lib/api";
import { companyListJson } from "@/lib/facts/api-json";
import { listCompaniesForPage } from "@/lib/facts/page-queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const locale = requestLocale(request);
  let companies;
  try {
    companies = await listCompaniesForPage(locale);
  } catch (error) {
    return apiFailure("api-companies", error, locale);
  }
  return publicJson(companies.map((c) => companyListJson(c, locale)), locale);
}
