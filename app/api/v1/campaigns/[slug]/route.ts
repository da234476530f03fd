import { apiError, apiFailure, campaignJson, publicJson, requestLocale } from "@/lib/api";
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
  return publicJson(campaignJson(campaign), locale);
}
