import Link from "next/link";

/** A short page that says one thing and offers one way on: not found, a dead link. */
export function Notice({ title, body, linkHref, linkLabel }: { title: string; body: string; linkHref: string; linkLabel: string }) {
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="mt-2">{body}</p>
      <Link href={linkHref} className="mt-4 inline-block font-medium text-accent underline">
        {linkLabel}
      </Link>
    </div>
  );
}
