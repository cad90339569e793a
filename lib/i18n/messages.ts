import fs from "node:fs";
import path from "node:path";
import type { Locale } from "@/lib/i18n/config";

export type Messages = Record<string, Record<string, unknown>>;

const cache = new Map<Locale, Messages>();

/** The UI messages of a locale: one JSON file per namespace in messages/<locale>/. */
export function loadMessages(locale: Locale, root = process.cwd()): Messages {
  const cached = cache.get(locale);
  if (cached) return cached;
  const dir = path.join(root, "messages", locale);
  const messages: Messages = {};
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    messages[path.basename(file, ".json")] = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Record<
      string,
      unknown
    >;
  }
  if (process.env.NODE_ENV === "production") cache.set(locale, messages);
  return messages;
}
