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
    const found = cache.lookup("k", slow, 400);
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
