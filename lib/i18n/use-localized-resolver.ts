"use client";

import { useTranslations } from "next-intl";
import type { FieldValues, Resolver } from "react-hook-form";
import { translateErrorText } from "@/lib/i18n/error-text";

/**
 * Wraps a react-hook-form resolver (e.g. zodResolver(schema, { error: zodErrorMap }))
 * so every field error it reports is shown in the UI language.
 */
export function useLocalizedResolver<V extends FieldValues, C, T>(resolver: Resolver<V, C, T>): Resolver<V, C, T> {
  const t = useTranslations("errors");
  return async (values, context, options) => {
    const result = await resolver(values, context, options);
    translateDeep(result.errors, (text) => translateErrorText(t, text));
    return result;
  };
}

function translateDeep(node: object, translate: (text: string) => string): void {
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (key === "ref") continue;
    if (key === "message" && typeof value === "string") record[key] = translate(value);
    else if (value && typeof value === "object") translateDeep(value, translate);
  }
}
