import "server-only";
// The one gate of the workspace. Every organizer page, server action and route handler
// goes through one of these: authenticate → parse with zod → authorize (the role table
// in permissions.ts, the group in the query's where) → the data layer. Another group's
// ids answer as if they did not exist.
import { headers } from "next/headers";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { isDatabaseUnavailable, noteDatabaseUnavailable } from "@/lib/database-unavailable";
import { logError, type ErrorCode, type FieldErrors, type Result } from "@/lib/errors";
import { unstorableFields } from "@/lib/unstorable";
import type { Locale } from "@/lib/i18n";
import { getSignedInUser, type SignedInUser } from "./current-user";
import { signInPath } from "./paths";
import { roleCan, type Permission } from "./permissions";
import { findCampaignScope, findGroupScope, type CampaignScope, type GroupScope } from "./scope";

export type GroupContext = { user: SignedInUser; group: GroupScope };
export type CampaignContext = { user: SignedInUser; campaign: CampaignScope; group: GroupScope };

// ---- pages -------------------------------------------------------------------------

async function currentPath(): Promise<string | undefined> {
  return (await headers()).get("x-bare-path") ?? undefined;
}

/** The signed-in user or null, for what anyone may see (the sign-in page, the workspace header). */
export async function currentUser(): Promise<SignedInUser | null> {
  return getSignedInUser();
}

/** The signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(locale: Locale): Promise<SignedInUser> {
  const user = await getSignedInUser();
  if (!user) redirect(signInPath(locale, await currentPath()));
  return user;
}

/** A group page: the caller's membership with the permission, or the not-found page. */
export async function requireGroup(locale: Locale, groupSlug: string, permission: Permission): Promise<GroupContext> {
  const user = await requireUser(locale);
  const group = await findGroupScope(user.id, { slug: groupSlug });
  if (!group || !roleCan(group.role, permission)) notFound();
  return { user, group };
}

/** A campaign's workspace page: found only through the caller's group, with the permission. */
export async function requireCampaign(locale: Locale, campaignId: string, permission: Permission): Promise<CampaignContext> {
  const user = await requireUser(locale);
  const campaign = await findCampaignScope(user.id, campaignId);
  if (!campaign || !roleCan(campaign.group.role, permission)) notFound();
  return { user, campaign, group: campaign.group };
}

/** An admin page: admins only; everyone else signed in sees the not-found page. */
export async function requireAdmin(locale: Locale): Promise<SignedInUser> {
  const user = await requireUser(locale);
  if (!user.isAdmin) notFound();
  return user;
}

// ---- server actions ----------------------------------------------------------------

/** What a workspace form gets back: the result, or the error with what was typed. */
export type FormState<T = unknown> =
  | { status: "idle" }
  | { status: "ok"; data: T }
  | { status: "error"; code: ErrorCode; fieldErrors: FieldErrors; values: Record<string, string | string[]> };

export const idle: FormState<never> = { status: "idle" };

/** FormData as plain values: a repeated field (checkboxes, a multi-select) becomes a list. */
export function formValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const before = values[key];
    values[key] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
  }
  return values;
}

function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "_form");
    (out[field] ??= []).push(issue.message);
  }
  return out;
}

type Handler<I, C, T> = (input: I, context: C) => Promise<Result<T>>;

function formAction<S extends z.ZodType, C, T>(
  schema: S,
  authorize: (user: SignedInUser, input: z.infer<S>) => Promise<C | null>,
  handler: Handler<z.infer<S>, C, T>,
) {
  return async (_previous: FormState<T>, form: FormData): Promise<FormState<T>> => {
    const values = formValues(form);
    const error = (code: ErrorCode, fieldErrors: FieldErrors = {}): FormState<T> => ({ status: "error", code, fieldErrors, values });
    try {
      const user = await getSignedInUser();
      if (!user) return error("unauthorized");
      // One check for every workspace form: text the database cannot hold is invalid input.
      const unstorable = unstorableFields(values);
      if (unstorable) return error("invalid", unstorable);
      const parsed = schema.safeParse(values);
      if (!parsed.success) return error("invalid", fieldErrorsOf(parsed.error));
      const context = await authorize(user, parsed.data);
      if (!context) return error("not_found");
      const result = await handler(parsed.data, context);
      return result.ok ? { status: "ok", data: result.data } : error(result.code, result.fieldErrors);
    } catch (caught) {
      unstable_rethrow(caught); // redirect() and notFound() are not failures
      if (isDatabaseUnavailable(caught)) {
        noteDatabaseUnavailable("workspace action", caught);
        return error("unavailable");
      }
      logError("workspace action", caught);
      return error("unexpected");
    }
  };
}

/** A server action on a group: the schema must carry `groupId`. */
export function groupAction<S extends z.ZodType<{ groupId: string }>, T>(
  permission: Permission,
  schema: S,
  handler: Handler<z.infer<S>, GroupContext, T>,
) {
  return formAction(schema, async (user, input) => {
    const group = await findGroupScope(user.id, { id: input.groupId });
    return group && roleCan(group.role, permission) ? { user, group } : null;
  }, handler);
}

/** A server action on a campaign: the schema must carry `campaignId`. */
export function campaignAction<S extends z.ZodType<{ campaignId: string }>, T>(
  permission: Permission,
  schema: S,
  handler: Handler<z.infer<S>, CampaignContext, T>,
) {
  return formAction(schema, async (user, input) => {
    const campaign = await findCampaignScope(user.id, input.campaignId);
    return campaign && roleCan(campaign.group.role, permission) ? { user, campaign, group: campaign.group } : null;
  }, handler);
}

/** A server action for signed-in people with no group yet (creating a group, accepting an invite). */
export function userAction<S extends z.ZodType, T>(schema: S, handler: Handler<z.infer<S>, { user: SignedInUser }, T>) {
  return formAction(schema, async (user) => ({ user }), handler);
}

/** A server action for admins only. */
export function adminAction<S extends z.ZodType, T>(schema: S, handler: Handler<z.infer<S>, { user: SignedInUser }, T>) {
  return formAction(schema, async (user) => (user.isAdmin ? { user } : null), handler);
}

// ---- route handlers ----------------------------------------------------------------

const denied = (status: 401 | 404) =>
  NextResponse.json({ error: { code: status === 401 ? "unauthorized" : "not_found" } }, { status, headers: { "Cache-Control": "no-store" } });

/** A route handler on a campaign, e.g. the CSV export: `campaignId` comes from the route. */
export function campaignRoute<P extends { campaignId: string }>(
  permission: Permission,
  handler: (request: Request, context: CampaignContext, params: P) => Promise<Response>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    const user = await getSignedInUser();
    if (!user) return denied(401);
    const resolved = await params;
    const campaign = await findCampaignScope(user.id, resolved.campaignId);
    if (!campaign || !roleCan(campaign.group.role, permission)) return denied(404);
    return handler(request, { user, campaign, group: campaign.group }, resolved);
  };
}

/** A route handler for admins only. */
export function adminRoute<P>(handler: (request: Request, context: { user: SignedInUser }, params: P) => Promise<Response>) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    const user = await getSignedInUser();
    if (!user) return denied(401);
    if (!user.isAdmin) return denied(404);
    return handler(request, { user }, await params);
  };
}
