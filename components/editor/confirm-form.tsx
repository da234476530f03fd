"use client";
// The second step of every state change and safety control on a campaign's overview:
// the question, optional fields (a victory note), the button that does it and a way
// back. The first step is a plain link (?confirm=…), so both steps work without
// JavaScript; an error comes back beside its field with what was typed.
import { useActionState, useEffect, useRef } from "react";
import Link from "next/link";
import type { FormState } from "@/lib/auth/guard";
import type { Messages } from "@/lib/i18n";
import { TextField } from "@/components/text-field";

type Action = (state: FormState<unknown>, form: FormData) => Promise<FormState<unknown>>;
type Field = { name: string; label: string; hint?: string; required?: boolean; lang?: string };

export function ConfirmForm({
  action, hidden, question, button, cancelHref, danger, fields = [], permalink, t,
}: {
  action: Action;
  hidden: Record<string, string>;
  question: string;
  button: string;
  cancelHref: string;
  danger?: boolean;
  fields?: Field[];
  permalink: string;
  t: { editor: Messages["editor"]; errors: Messages["workspace"]["errors"] };
}) {
  const [state, formAction, pending] = useActionState<FormState<unknown>, FormData>(action, { status: "idle" }, permalink);
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return (
    <section
      ref={ref} tabIndex={-1} aria-labelledby="confirm-heading"
      className={`mt-6 rounded-lg border-2 p-4 ${danger ? "border-danger" : "border-accent"}`}
    >
      <h2 id="confirm-heading" className="text-lg font-semibold">{t.editor.overview.confirmHeading}</h2>
      <p className="mt-1">{question}</p>
      <form action={formAction} className="mt-4 space-y-4">
        {Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        {state.status === "error" && (
          <p role="alert" className="font-medium text-danger">
            {state.code === "invalid" ? t.editor.form.fixErrors : t.errors[state.code]}
          </p>
        )}
        {fields.map((field) => (
          <TextField
            key={field.name} name={field.name} label={field.label} hint={field.hint} multiline rows={3} lang={field.lang}
            required={field.required} defaultValue={typeof values[field.name] === "string" ? (values[field.name] as string) : ""}
            errors={errors[field.name]?.map((key) => (t.editor.fields as Record<string, string>)[key] ?? t.editor.fields.invalid)}
          />
        ))}
        <div className="flex flex-wrap items-center gap-4">
          <button
            type="submit" disabled={pending}
            className={`min-h-11 rounded px-5 font-semibold text-white disabled:opacity-70 ${danger ? "bg-danger hover:bg-red-800" : "bg-accent hover:bg-accent-hover"}`}
          >
            {button}
          </button>
          <Link href={cancelHref} className="inline-flex min-h-11 items-center font-medium text-accent underline">
            {t.editor.overview.cancel}
          </Link>
        </div>
      </form>
    </section>
  );
}
