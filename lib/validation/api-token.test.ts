import { describe, expect, it } from "vitest";
import { translateErrorText } from "@/lib/i18n/error-text";
import { errorTranslator } from "@/lib/i18n/localize-error";
import { createApiTokenSchema } from "@/lib/validation/api-token";

const messagesOf = (input: unknown, locale: "en" | "zh-CN") => {
  const result = createApiTokenSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => translateErrorText(errorTranslator(locale), i.message));
};

describe("API token form messages", () => {
  it("come in the reader's language", () => {
    expect(messagesOf({ name: " " }, "en")).toEqual(["Enter a name."]);
    expect(messagesOf({ name: " " }, "zh-CN")).toEqual(["请输入名称。"]);
    expect(messagesOf({ name: "x".repeat(101) }, "zh-CN")).toEqual([
      translateErrorText(errorTranslator("zh-CN"), "tooLong?max=100"),
    ]);
    expect(messagesOf({ name: "BI", expiresInDays: 5000 }, "zh-CN")).toEqual(["请选择 1 到 3,650 天的有效期。"]);
    expect(messagesOf({ name: "BI", expiresInDays: 30 }, "en")).toEqual([]);
  });
});
