import { describe, expect, it } from "vitest";
import { resolveTimeZone, toTimeZone } from "@/lib/i18n/time-zone";

describe("time zone", () => {
  it("uses the browser's zone from the cookie", () => {
    expect(resolveTimeZone("America/New_York", "zh-CN")).toBe("America/New_York");
    expect(resolveTimeZone("Europe/Berlin", "en")).toBe("Europe/Berlin");
    expect(resolveTimeZone("UTC", "zh-CN")).toBe("UTC");
  });

  it("falls back to Asia/Shanghai for Chinese and UTC otherwise", () => {
    expect(resolveTimeZone(undefined, "zh-CN")).toBe("Asia/Shanghai");
    expect(resolveTimeZone(undefined, "en")).toBe("UTC");
  });

  it("ignores malformed or unknown zones", () => {
    for (const bad of ["", "Mars/Olympus", "../../etc", "Asia/Shanghai\u0000", "x".repeat(100), "<script>"]) {
      expect(toTimeZone(bad), bad).toBeUndefined();
      expect(resolveTimeZone(bad, "en")).toBe("UTC");
    }
  });
});
