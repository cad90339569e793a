import { describe, expect, it } from "vitest";
import { SharedComputations } from "@/lib/live/shared-computation";

describe("SharedComputations", () => {
  it("shares one computation per key and marker, and starts another for a new marker", async () => {
    const cache = new SharedComputations<number>({ maxEntries: 10, maxAgeMs: 60_000 });
    let runs = 0;
    const compute = async () => ++runs;
    const first = await Promise.all([1, 2, 3].map(() => cache.get("plan", "m1", compute)));
    expect(first).toEqual([1, 1, 1]);
    expect(await cache.get("plan", "m2", compute)).toBe(2);
    expect(await cache.get("other", "m2", compute)).toBe(3);
    expect(cache.computations).toBe(3);
  });

  it("drops entries after maxAgeMs, beyond maxEntries (least recently used first) and when they fail", async () => {
    let clock = 0;
    const cache = new SharedComputations<string>({ maxEntries: 2, maxAgeMs: 1000, now: () => clock });
    let runs = 0;
    const compute = (key: string) => async () => `${key}${++runs}`;
    expect(await cache.get("a", "m", compute("a"))).toBe("a1");
    clock = 999;
    expect(await cache.get("a", "m", compute("a"))).toBe("a1");
    clock = 1999;
    expect(await cache.get("a", "m", compute("a"))).toBe("a2");

    await cache.get("b", "m", compute("b"));
    await cache.get("a", "m", compute("a")); // a is now the most recently used
    await cache.get("c", "m", compute("c")); // evicts b
    expect(await cache.get("a", "m", compute("a"))).toBe("a2");
    expect(await cache.get("b", "m", compute("b"))).toBe("b5");

    await expect(cache.get("x", "m", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await cache.get("x", "m", compute("x"))).toBe("x6");
  });
});
