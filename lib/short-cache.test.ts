// The short cache: bounded, least recently read out first, one load shared by
// concurrent readers, nothing kept from a failed load, and a TTL from when the value is there.
import { describe, expect, it } from "vitest";
import { shortCache } from "./short-cache";

let n = 0;
const store = (max: number) => shortCache(`test-${n++}`, max);

describe("shortCache", () => {
  it("keeps what is read often when it is full: the least recently read goes", async () => {
    const cache = store(2);
    const loads: string[] = [];
    const read = (key: string) => cache.cached(key, async () => (loads.push(key), key));
    await read("hot");
    await read("b");
    await read("hot"); // read again: now the most recent
    await read("c"); // full: "b" goes, not "hot"
    loads.length = 0;
    await read("hot");
    await read("b");
    expect(loads).toEqual(["b"]);
  });

  it("shares one load between concurrent readers and says who found it there", async () => {
    const cache = store(10);
    let loads = 0;
    let release!: (v: string) => void;
    const first = cache.lookup("k", () => (loads++, new Promise<string>((r) => (release = r))));
    const second = cache.lookup("k", async () => (loads++, "other"));
    release("value");
    expect(await first.value).toBe("value");
    expect(await second.value).toBe("value");
    expect([first.hit, second.hit, loads]).toEqual([false, true, 1]);
  });

  it("keeps nothing from a failed load", async () => {
    const cache = store(10);
    await expect(cache.cached("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.cached("k", async () => "up")).toBe("up");
  });

  it("counts the TTL from when a slow load finished", async () => {
    // Real time (lru-cache reads performance.now): a 400 ms TTL, a load of 300 ms.
    const cache = store(10);
    const started = performance.now();
    const slow = () => new Promise<number>((r) => setTimeout(() => r(performance.now()), 300));
    const finished = await cache.cached("k", slow, 400);
    await new Promise((r) => setTimeout(r, 420 - (performance.now() - started)));
    const found = cache.lookup("k", slow, { ttlMs: 400 });
    // Past the TTL from the start, within it from the end: still there.
    expect(performance.now() - finished).toBeLessThan(400);
    expect(found.hit).toBe(true);
  });

  it("forgets the keys under a prefix", async () => {
    const cache = store(10);
    for (const key of ["/campaigns/a|en", "/campaigns/a|es", "/campaigns/ab|en"]) await cache.cached(key, async () => key);
    cache.invalidate("/campaigns/a|");
    expect(cache.lookup("/campaigns/a|en", async () => "").hit).toBe(false);
    expect(cache.lookup("/campaigns/a|es", async () => "").hit).toBe(false);
    expect(cache.lookup("/campaigns/ab|en", async () => "").hit).toBe(true);
  });
});

describe("shortCache with staleMs", () => {
  const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it("answers the previous value while one reader loads the next, then the next", async () => {
    const cache = store(10);
    let version = 0;
    let release: (() => void) | undefined;
    const load = () => new Promise<number>((r) => (release = () => r(++version)));
    const options = { ttlMs: 50, staleMs: 5000 };
    const first = cache.lookup("k", load, options);
    release!();
    expect(await first.value).toBe(1);
    await tick(80); // past the TTL
    release = undefined;
    const during = [cache.lookup("k", load, options), cache.lookup("k", load, options)];
    // Both answered at once with the old value; one refresh started, not two.
    expect(await Promise.all(during.map((d) => d.value))).toEqual([1, 1]);
    expect(during.map((d) => d.hit)).toEqual([true, true]);
    expect(release).toBeDefined();
    release!();
    await tick(0);
    expect(await cache.lookup("k", load, options).value).toBe(2);
    expect(version).toBe(2);
  });

  it("does not answer a value dropped by invalidate, even within the stale window", async () => {
    const cache = store(10);
    let version = 0;
    const load = async () => ++version;
    await cache.lookup("/campaigns/a|en", load, { ttlMs: 10, staleMs: 5000 }).value;
    await tick(30);
    cache.invalidate("/campaigns/a|");
    const after = cache.lookup("/campaigns/a|en", load, { ttlMs: 10, staleMs: 5000 });
    expect([after.hit, await after.value]).toEqual([false, 2]);
  });
});
