"use client";
// The campaign editor's form, for a new campaign and an existing one. It works without
// JavaScript: it posts to its server action and the page comes back with the errors
// beside their fields and everything as typed, or with a preview, or with the live
// campaigns against the same companies to look at before creating another.
import { useActionState, useEffect, useRef } from "react";
import Link from "next/link";
import { createCampaignAction, updateCampaignAction, type EditorResult } from "@/lib/campaigns/actions";
import { LIMITS } from "@/lib/campaigns/schemas";
import { canEditField, type CampaignStatus, type EditableField } from "@/lib/campaigns/states";
import type { FormState } from "@/lib/auth/guard";
import type { Messages } from "@/lib/i18n";
// Not the catalogues or the ICU formatter: they stay on the server (lib/i18n/client-imports.test.ts).
import { fillPlaceholders, localePath, type Locale } from "@/lib/i18n/locales";
import { TextField } from "@/components/text-field";
import { StoryField } from "./story-field";

type Typed = Record<string, string | string[]>;
type Copy = { editor: Messages["editor"]; errors: Messages["workspace"]["errors"] };

export type CampaignFormProps = {
  target: { groupId: string } | { campaignId: string };
  locale: Locale;
  status: CampaignStatus;
  initial: Typed;
  /** The story as the public page renders it, for the preview beside it. */
  initialHtml: string | null;
  companies: { id: string; name: string }[];
  permalink: string;
  t: Copy;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

export function CampaignForm({ target, locale, status, initial, initialHtml, companies, permalink, t }: CampaignFormProps) {
  const creating = "groupId" in target;
  const [state, formAction, pending] = useActionState<FormState<EditorResult>, FormData>(
    creating ? createCampaignAction : updateCampaignAction,
    { status: "idle" },
    permalink,
  );
  const formRef = useRef<HTMLFormElement>(null);
  const values: Typed = state.status === "error" ? state.values : state.status === "ok" ? state.data.values : initial;
  const errors = state.status === "error" ? state.fieldErrors : {};
  const similar = state.status === "ok" && state.data.kind === "similar" ? state.data.campaigns : null;
  const previewHtml = state.status === "ok" && state.data.kind === "preview" ? state.data.html : initialHtml;
  const e = t.editor;
  const say = (field: string) => errors[field]?.map((key) => (e.fields as Record<string, string>)[key] ?? e.fields.invalid);
  const locked = (field: EditableField) => !canEditField(status, field);
  const text = (name: string, extra: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField
      key={`${name}-${state.status}`}
      name={name}
      label={(e.form as Record<string, string>)[name]}
      hint={(e.form as Record<string, string>)[`${name}Hint`]}
      errors={say(name)}
      defaultValue={one(values[name])}
      readOnly={locked(name as EditableField)}
      {...extra}
    />
  );

  // After an answer, take the person to it: the first field that needs fixing, or the similar campaigns.
  useEffect(() => {
    if (state.status === "idle") return;
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-focus-after]');
    first?.focus();
  }, [state]);

  const chosen = new Set(many(values.companyIds));
  return (
    <form ref={formRef} action={formAction} noValidate className="mt-6 space-y-8">
      {/* Enter in a field saves (the first submit button is the form's default), not previews. */}
      <button type="submit" name="intent" value="save" tabIndex={-1} aria-hidden="true" className="absolute -left-[9999px]">
        {creating ? e.form.create : e.form.save}
      </button>
      {"groupId" in target ? <input type="hidden" name="groupId" value={target.groupId} /> : <input type="hidden" name="campaignId" value={target.campaignId} />}
      <input type="hidden" name="locale" value={locale} />
      {similar && <input type="hidden" name="similarSeen" value="1" />}

      {state.status === "error" && (
        <p role="alert" className="rounded border border-danger p-3 font-medium text-danger">
          {state.code === "invalid" || state.code === "conflict" ? e.form.fixErrors : t.errors[state.code]}
        </p>
      )}
      {(status === "live" || status === "closed" || status === "won") && <p className="rounded bg-warning-soft p-3 text-warning">{e.form.lockedNote}</p>}
      {(status === "submitted" || status === "rejected") && <p className="rounded bg-warning-soft p-3 text-warning">{e.form.reviewNote}</p>}

      {similar && (
        <section aria-labelledby="similar-heading" tabIndex={-1} data-focus-after className="rounded-lg border border-warning bg-warning-soft p-4">
          <h2 id="similar-heading" className="text-lg font-semibold">{e.similar.heading}</h2>
          <p className="mt-1">{e.similar.intro}</p>
          <ul className="mt-3 list-disc space-y-1 pl-5">
            {similar.map((c) => (
              <li key={c.id}>
                <Link href={localePath(locale, `/campaigns/${c.slug}`)} className="font-medium text-accent underline">
                  {fillPlaceholders(e.similar.view, { title: c.title, companies: c.companies.join(", ") })}
                </Link>
              </li>
            ))}
          </ul>
          <button type="submit" name="intent" value="save" className="mt-4 min-h-11 rounded bg-accent px-4 font-semibold text-white hover:bg-accent-hover">
            {e.similar.createAnyway}
          </button>
        </section>
      )}

      <div className="grid gap-6 md:grid-cols-2">
        {text("title", { maxLength: LIMITS.title * 2, required: true })}
        {text("slug", { maxLength: 100, required: true, autoCapitalize: "none", spellCheck: false })}
      </div>

      <fieldset>
        <legend className="font-medium">{e.form.kind}</legend>
        {locked("kind") && <input type="hidden" name="kind" value={one(values.kind)} />}
        {(["petition", "pledge"] as const).map((kind) => (
          <label key={`${kind}-${state.status}`} className="mt-2 flex min-h-11 items-center gap-3">
            <input
              type="radio" name={locked("kind") ? undefined : "kind"} value={kind} defaultChecked={one(values.kind) === kind}
              disabled={locked("kind")} className="size-5"
            />
            {e.form[kind]}
          </label>
        ))}
        {say("kind") && <p className="mt-1 text-sm font-medium text-danger">{say("kind")!.join(" ")}</p>}
      </fieldset>

      <fieldset aria-describedby="companyIds-hint">
        <legend className="font-medium">{e.form.targets}</legend>
        <p id="companyIds-hint" className="text-sm text-muted">{e.form.targetsHint}</p>
        {say("companyIds") && (
          <p id="companyIds-error" className="mt-1 text-sm font-medium text-danger">{say("companyIds")!.join(" ")}</p>
        )}
        {locked("targets") ? (
          <>
            {[...chosen].map((id) => <input key={id} type="hidden" name="companyIds" value={id} />)}
            <p className="mt-2">{fillPlaceholders(e.form.lockedValue, { value: companies.filter((c) => chosen.has(c.id)).map((c) => c.name).join(", ") })}</p>
          </>
        ) : (
          <>
            <ul className="mt-2 grid max-h-72 gap-x-4 overflow-auto rounded border border-line p-2 sm:grid-cols-2">
              {companies.map((c) => (
                <li key={`${c.id}-${state.status}`}>
                  <label className="flex min-h-11 items-center gap-3">
                    <input type="checkbox" name="companyIds" value={c.id} defaultChecked={chosen.has(c.id)} className="size-5" />
                    {c.name}
                  </label>
                </li>
              ))}
            </ul>
            <div className="mt-3 max-w-md">{text("newCompany", { maxLength: LIMITS.company * 2 })}</div>
          </>
        )}
      </fieldset>

      {text("ask", { multiline: true, rows: 3, maxLength: LIMITS.ask * 2, required: true })}
      <StoryField
        key={`story-${state.status}`}
        defaultValue={one(values.story)} errors={say("story")} html={previewHtml} maxLength={LIMITS.story}
        copy={{ story: e.form.story, storyHint: e.form.storyHint, preview: e.form.preview, previewHeading: e.form.previewHeading, previewEmpty: e.form.previewEmpty }}
      />

      <div className="grid gap-6 md:grid-cols-2">
        {text("goal", { inputMode: "numeric", maxLength: 12 })}
        {text("endsAt", { type: "date" })}
      </div>

      <fieldset className="space-y-4 rounded border border-line p-4">
        <legend className="px-1 font-semibold">{e.form.spanish}</legend>
        <p className="text-sm text-muted">{e.form.spanishHint}</p>
        {text("titleEs", { maxLength: LIMITS.title * 2, lang: "es" })}
        {text("askEs", { multiline: true, rows: 3, maxLength: LIMITS.ask * 2, lang: "es" })}
        {text("storyEs", { multiline: true, rows: 10, maxLength: LIMITS.story * 2, lang: "es", className: "font-mono text-sm" })}
      </fieldset>

      <fieldset className="space-y-4 rounded border border-line p-4">
        <legend className="px-1 font-semibold">{e.form.sharing}</legend>
        {text("shareText", { maxLength: LIMITS.shareText * 2 })}
        {text("shareTextEs", { maxLength: LIMITS.shareText * 2, lang: "es" })}
      </fieldset>

      <fieldset className="space-y-4 rounded border border-line p-4">
        <legend className="px-1 font-semibold">{e.form.image}</legend>
        {text("imageUrl", { type: "url", maxLength: LIMITS.imageUrl, placeholder: "https://" })}
        {text("imageAlt", { maxLength: LIMITS.imageAlt * 2 })}
      </fieldset>

      <button
        type="submit" name="intent" value="save" disabled={pending}
        className="min-h-11 rounded bg-accent px-6 font-semibold text-white hover:bg-accent-hover disabled:opacity-70"
      >
        {creating ? e.form.create : e.form.save}
      </button>
    </form>
  );
}
