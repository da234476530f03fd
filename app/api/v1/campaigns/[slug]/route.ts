import { NextResponse } from "next/server";
import { apiError, apiFailure, campaignJson, PUBLIC_CACHE, requestLocale } from "@/lib/api";
import { getPublicCampaignBySlug } from "@/lib/campaigns/queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const locale = requestLocale(request);
  let campaign;
  try {
    campaign = await getPublicCampaignBySlug((await params).slug, locale);
  } catch (error) {
    return apiFailure("api-campaign", error, locale);
  }
  if (!campaign) return apiError("not_found", locale);
  return NextResponse.json(
    { data: campaignJson(campaign) },
    { headers: { "Cache-Control": PUBLIC_CACHE, "Content-Language": locale, Vary: "Accept-Language" } },
  );
}
