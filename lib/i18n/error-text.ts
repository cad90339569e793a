import type errorMessages from "@/messages/en/errors.json";

/** A key of messages/<locale>/errors.json naming one error text (the per-code defaults live under "code"). */
export type ErrorKey = Exclude<keyof typeof errorMessages, "code">;

type Values = Record<string, string | number>;

/**
 * An error text travels as a descriptor string — its key, plus its values in
 * query-string form ("tooLong?max=200") — so zod messages, AppError and field
 * errors stay plain strings until they are translated for the reader.
 */
export function msg(key: ErrorKey, values?: Values): string {
  if (!values) return key;
  const query = new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)]));
  return `${key}?${query.toString()}`;
}

const DESCRIPTOR = /^([a-z][A-Za-z0-9]*)(?:\?(.*))?$/;

/** A descriptor's key and values (numbers back as numbers), or null for any other text. */
export function parseDescriptor(text: string): { key: string; values: Values } | null {
  const match = DESCRIPTOR.exec(text);
  if (!match) return null;
  const values: Values = {};
  for (const [k, v] of new URLSearchParams(match[2] ?? "")) values[k] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
  return { key: match[1] ?? "", values };
}

/** The part of a next-intl translator (server or client) for the "errors" namespace that we use. */
export type ErrorTranslator = {
  (key: never, values?: never): string;
  has(key: never): boolean;
};

type LooseTranslator = { (key: string, values?: Values): string; has(key: string): boolean };

/** Translates a descriptor; text that is not one (e.g. already translated) is returned unchanged. */
export function translateErrorText(t: ErrorTranslator, text: string): string {
  const loose = t as unknown as LooseTranslator;
  const parsed = parseDescriptor(text);
  if (!parsed || parsed.key === "code" || !loose.has(parsed.key)) return text;
  return loose(parsed.key, parsed.values);
}

/** Every message of a field-error map translated. */
export function translateFieldErrors(
  t: ErrorTranslator,
  fieldErrors: Record<string, string[]> | undefined,
): Record<string, string[]> | undefined {
  if (!fieldErrors) return undefined;
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, messages]) => [field, messages.map((m) => translateErrorText(t, m))]),
  );
}
