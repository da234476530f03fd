// Record a signature: the same fields and rules as the sign form. A new and a
// repeated signature get the same 202, so the API never tells who has signed.
import { NextResponse } from "next/server";
import { apiError, apiFailure, requestLocale } from "@/lib/api";
import { clientIp } from "@/lib/client-ip";
import { isLocale } from "@/lib/i18n";
import { readJsonBody, type JsonBodyLimits } from "@/lib/json-body";
import { recordSignature } from "@/lib/signatures/mutations";

export const dynamic = "force-dynamic";

// A signature is a few hundred bytes of nine flat fields: 16 KB and 64 keys leave room
// for long names in any script and for extra fields a partner sends, and no more.
const BODY_LIMITS: JsonBodyLimits = { maxBytes: 16 * 1024, maxKeys: 64, maxDepth: 2 };

export async function POST(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const headerLocale = requestLocale(request);
  const body = await readJsonBody(request, BODY_LIMITS);
  if (!body.ok) {
    if (body.problem === "not_json") return apiError("invalid", headerLocale, { body: ["bodyInvalid"] });
    if (body.problem === "too_complex") return apiError("invalid", headerLocale, { body: ["bodyTooComplex"] });
    return apiError(body.problem, headerLocale);
  }
  const requested = body.value.locale;
  const locale = isLocale(requested) ? requested : headerLocale;
  try {
    const result = await recordSignature({
      campaignSlug: (await params).slug,
      input: body.value,
      locale,
      clientIp: clientIp(request.headers),
    });
    if (!result.ok) return apiError(result.code, locale, result.fieldErrors, "retryAfter" in result ? result.retryAfter : undefined);
    return NextResponse.json(
      { data: { status: "pending_confirmation" } },
      { status: 202, headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return apiFailure("api-sign", error, locale);
  }
}
