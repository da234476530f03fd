"use client";
// The story's textarea with its preview. Without JavaScript the "Preview" button posts
// the form (intent=preview) and the page comes back with the rendered story and
// everything as typed; with it, the preview follows the typing (rendered on the server
// by the same sanitizer as the public page, a moment after the typing stops).
import { useEffect, useRef, useState } from "react";
import { previewStoryAction } from "@/lib/campaigns/actions";
import { TextField } from "@/components/text-field";

type Copy = { story: string; storyHint: string; preview: string; previewHeading: string; previewEmpty: string };

export function StoryField({
  defaultValue, errors, html, copy, maxLength,
}: { defaultValue: string; errors?: string[]; html: string | null; copy: Copy; maxLength: number }) {
  // The server's preview (a no-JavaScript "Preview", or the stored story) until the person types.
  const [typed, setTyped] = useState<string | null>(null);
  const [fromServer, setFromServer] = useState(html);
  if (fromServer !== html) {
    setFromServer(html);
    setTyped(null);
  }
  const preview = typed ?? html;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(0);
  function onInput(event: React.FormEvent<HTMLInputElement | HTMLTextAreaElement>) {
    requestPreview(event.currentTarget.value, 400);
  }

  function requestPreview(story: string, delay: number) {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const request = ++latest.current;
      const form = new FormData();
      form.set("story", story);
      const answer = await previewStoryAction({ status: "idle" }, form);
      // An older answer arriving late does not replace a newer one.
      if (request === latest.current && answer.status === "ok") setTyped(answer.data.html);
    }, delay);
  }

  useEffect(() => {
    // A story came back without its preview (an error, the similar campaigns): render it now.
    if (!html && defaultValue) requestPreview(defaultValue, 0);
    return () => clearTimeout(timer.current);
    // Once, for the story the field opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <div>
        <TextField
          name="story" label={copy.story} hint={copy.storyHint} errors={errors} multiline rows={16}
          defaultValue={defaultValue} onInput={onInput} maxLength={maxLength * 2} className="font-mono text-sm"
        />
        <button
          type="submit" name="intent" value="preview"
          className="mt-2 min-h-11 rounded border border-accent px-4 font-medium text-accent hover:bg-accent-soft"
        >
          {copy.preview}
        </button>
      </div>
      <section aria-labelledby="preview-heading" aria-live="polite" className="rounded border border-line p-4">
        <h3 id="preview-heading" className="text-sm font-semibold uppercase tracking-wide text-muted">
          {copy.previewHeading}
        </h3>
        {preview ? (
          <div className="prose-story mt-2" dangerouslySetInnerHTML={{ __html: preview }} />
        ) : (
          <p className="mt-2 text-muted">{copy.previewEmpty}</p>
        )}
      </section>
    </div>
  );
}
