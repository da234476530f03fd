import { NextResponse } from "next/server";
import { apiFailure, campaignJson, PUBLIC_CACHE, requestLocale } from "@/lib/api";
import { listLiveCampaigns } from "@/lib/campaigns/queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const locale = requestLocale(request);
  let campaigns;
  try {
    campaigns = await listLiveCampaigns(locale);
  } catch (error) {
    return apiFailure("api-campaigns", error, locale);
  }
  return NextResponse.json(
    { data: campaigns.map(campaignJson) },
    { headers: { "Cache-Control": PUBLIC_CACHE, "Content-Language": locale, Vary: "Accept-Language" } },
  );
}
