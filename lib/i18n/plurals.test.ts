import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";

function translator(locale: "en" | "zh-CN") {
  const messages = loadMessages(locale) as Parameters<typeof createTranslator>[0]["messages"];
  return createTranslator({ locale, messages }) as unknown as (key: string, values?: Record<string, number>) => string;
}

describe("counted messages", () => {
  it("agree with their number in English and read naturally in Chinese", () => {
    const en = translator("en");
    const zh = translator("zh-CN");
    expect(en("teams.planCount", { count: 1 })).toBe("1 plan");
    expect(en("teams.planCount", { count: 3 })).toBe("3 plans");
    expect(zh("teams.planCount", { count: 1 })).toBe("1 个计划");
    expect(en("planView.confirmBulkDelete", { count: 1 })).toBe("Delete 1 task? This cannot be undone.");
    expect(en("planView.confirmBulkDelete", { count: 12 })).toBe("Delete 12 tasks? This cannot be undone.");
    expect(zh("planView.confirmBulkDelete", { count: 1 })).toBe("删除 1 项任务？此操作无法撤销。");
  });
});
