"use client";
// The schedule's date and time, read in the organizer's own time zone: the browser
// fills in its UTC offset (without JavaScript the time is read as UTC).
import { useEffect, useRef } from "react";

export function ScheduleFields({ label }: { label: string }) {
  const offset = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (offset.current) offset.current.value = String(new Date().getTimezoneOffset());
  }, []);
  return (
    <div>
      <label htmlFor="scheduledAt" className="block font-medium">{label}</label>
      <input id="scheduledAt" name="scheduledAt" type="datetime-local" required className="mt-1 block min-h-11 rounded border border-zinc-400 bg-white px-3" />
      <input ref={offset} type="hidden" name="tzOffset" defaultValue="0" />
    </div>
  );
}
