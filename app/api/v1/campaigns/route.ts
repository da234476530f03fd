import { apiFailure, campaignJson, publicJson, requestLocale } from "@/lib/api";
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
  return publicJson(campaigns.map(campaignJson), locale);
}
