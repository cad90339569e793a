import { createTranslator, IntlErrorCode } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";

const en = loadMessages("en");
const zh = loadMessages("zh-CN");

function keys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)/g)].map((m) => m[1] ?? "").sort();
}

function at(messages: unknown, key: string): unknown {
  return key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
}

describe("message catalogs", () => {
  it("have the same namespaces (files) in English and Chinese", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it("have the same keys in English and Chinese", () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it("have no empty messages and the same placeholders in both languages", () => {
    for (const key of keys(en)) {
      const e = at(en, key);
      const z = at(zh, key);
      expect(typeof e === "string" && e.length > 0, `en ${key}`).toBe(true);
      expect(typeof z === "string" && z.length > 0, `zh-CN ${key}`).toBe(true);
      expect(placeholders(z as string), key).toEqual(placeholders(e as string));
    }
  });

  it("parse as ICU messages (a literal <word> would be read as an unclosed tag)", () => {
    for (const [locale, messages] of [
      ["en", en],
      ["zh-CN", zh],
    ] as const) {
      const invalid: string[] = [];
      const t = createTranslator({
        locale,
        messages: messages,
        onError: (error) => {
          if (error.code === IntlErrorCode.INVALID_MESSAGE) invalid.push(error.message);
        },
      }) as unknown as { markup: (key: string, values: Record<string, unknown>) => string };
      for (const key of keys(messages)) {
        const text = at(messages, key) as string;
        const values: Record<string, unknown> = Object.fromEntries(placeholders(text).map((name) => [name, 1]));
        for (const [, tag] of text.matchAll(/<(\w+)>/g)) values[tag ?? ""] = (chunks: string) => chunks;
        t.markup(key, values);
      }
      expect(invalid, locale).toEqual([]);
    }
  });
});
