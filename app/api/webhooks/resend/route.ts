// Resend's delivery events, signed by Svix: the signature, its timestamp (at most five
// minutes off) and the message id are checked by the svix library before anything is
// read; a replayed message id is answered without being handled again.
import { NextResponse } from "next/server";
import { Webhook, WebhookVerificationError } from "svix";
import { env } from "@/lib/env";
import { logError } from "@/lib/errors";
import { handleResendEvent } from "@/lib/updates/webhook";

export const dynamic = "force-dynamic";

const MAX_BODY = 256 * 1024;
const json = (body: unknown, status: number) => NextResponse.json(body, { status, headers: { "Cache-Control": "no-store" } });

export async function POST(request: Request): Promise<Response> {
  if (!env.RESEND_WEBHOOK_SECRET) return json({ error: "webhook not configured" }, 503);
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY) return json({ error: "too large" }, 413);
  const body = await request.text();
  if (body.length > MAX_BODY) return json({ error: "too large" }, 413);
  const headers = {
    "svix-id": request.headers.get("svix-id") ?? "",
    "svix-timestamp": request.headers.get("svix-timestamp") ?? "",
    "svix-signature": request.headers.get("svix-signature") ?? "",
  };
  try {
    // svix 2.5 checks and returns nothing: the body is read only once it passed.
    new Webhook(env.RESEND_WEBHOOK_SECRET).verify(body, headers);
  } catch (error) {
    if (error instanceof WebhookVerificationError) return json({ error: "invalid signature" }, 401);
    throw error;
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return json({ error: "invalid json" }, 400);
  }
  try {
    const outcome = await handleResendEvent(headers["svix-id"].slice(0, 200), payload);
    return json({ outcome }, outcome === "invalid" ? 400 : 200);
  } catch (error) {
    logError("resend webhook", error);
    return json({ error: "unavailable" }, 503);
  }
}
