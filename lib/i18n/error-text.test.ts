import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type ErrorTranslator, msg, parseDescriptor, translateErrorText } from "@/lib/i18n/error-text";
import { loadMessages } from "@/lib/i18n/messages";
import { signUpSchema } from "@/lib/validation/auth";
import { fieldErrorsOf, zodErrorMap } from "@/lib/validation/field-errors";

function translator(locale: "en" | "zh-CN"): ErrorTranslator {
  const messages = loadMessages(locale) as Parameters<typeof createTranslator>[0]["messages"];
  return createTranslator({ locale, messages, namespace: "errors" });
}

describe("error descriptors", () => {
  it("carry a key and its values as one string", () => {
    expect(msg("tooLong", { max: 200 })).toBe("tooLong?max=200");
    expect(parseDescriptor("invitationForOther?email=a%2Bb%40x.cn")).toEqual({
      key: "invitationForOther",
      values: { email: "a+b@x.cn" },
    });
    expect(parseDescriptor("Already translated text.")).toBeNull();
  });

  it("translate in both languages, with locale number formatting; other text passes unchanged", () => {
    expect(translateErrorText(translator("en"), msg("tooLong", { max: 10_000 }))).toBe(
      "Use at most 10,000 characters.",
    );
    expect(translateErrorText(translator("zh-CN"), msg("tooLong", { max: 10_000 }))).toBe("最多输入 10,000 个字符。");
    expect(translateErrorText(translator("zh-CN"), "请输入标题。")).toBe("请输入标题。");
    expect(translateErrorText(translator("zh-CN"), "unknownKey")).toBe("unknownKey");
  });

  it("schema messages are descriptors, and zod's own messages become generic ones", () => {
    const parsed = signUpSchema.safeParse({ name: "", email: "nope", password: "short" });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOf(parsed.error!);
    expect(errors).toEqual({ name: ["nameRequired"], email: ["emailInvalid"], password: ["tooShort?min=10"] });
    const bare = z
      .object({ id: z.string().min(1), tags: z.array(z.string()).max(2) })
      .safeParse({ tags: ["a", "b", "c"] });
    expect(fieldErrorsOf(bare.error!)).toEqual({ id: ["required"], tags: ["tooMany?max=2"] });
    const mapped = z.object({ code: z.string().max(3) }).safeParse({ code: "abcd" }, { error: zodErrorMap });
    expect(mapped.error?.issues[0]?.message).toBe("tooLong?max=3");
  });
});
