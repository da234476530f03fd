// One instance per process of something slow to start (the database, the job queue),
// kept on globalThis so Next.js dev reloads reuse it. A failed start is forgotten, so
// the next caller tries again.
type Slot<T> = { current?: Promise<T> };

export function processSingleton<T>(key: string, start: () => Promise<T>, stop: (value: T) => Promise<void>) {
  const slots = globalThis as unknown as Record<string, Slot<T>>;
  const slot = (slots[`__cutTies_${key}`] ??= {});
  return {
    get(): Promise<T> {
      slot.current ??= start().catch((error) => {
        slot.current = undefined;
        throw error;
      });
      return slot.current;
    },
    /** The running instance, if it was started and not closed; never starts it. */
    peek(): Promise<T> | undefined {
      return slot.current;
    },
    async close(): Promise<void> {
      const pending = slot.current;
      slot.current = undefined;
      if (pending) await stop(await pending);
    },
  };
}
