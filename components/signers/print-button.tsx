"use client";
// Opens the browser's print dialog (where "Save as PDF" lives). Without JavaScript the
// page says to use the browser's own Print command instead.
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()}
      className="min-h-11 rounded bg-accent px-5 font-semibold text-white hover:bg-accent-hover print:hidden">
      {label}
    </button>
  );
}
