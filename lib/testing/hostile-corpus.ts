// The bad-input corpus: values an outside tester (or an attacker) sends instead of
// what a field expects, and raw request bodies a JSON API must survive. The
// hostile-input suite (lib/testing/hostile-input-suite.ts) puts every value
// into every field, query parameter and path id of every REST route and every
// server-action operation; none may answer 5xx or change anything when refused.

/** One value for a field; `isJson: false` marks values only a server action (not JSON) can carry. */
export type HostileValue = { name: string; value: unknown; isJson?: false };

const long = (n: number, unit = "x") => unit.repeat(n);

/** Values put in every field (and, as text, in every query parameter and path id). */
export const HOSTILE_VALUES: readonly HostileValue[] = [
  // missing, empty, blank
  { name: "undefined (field left out)", value: undefined },
  { name: "null", value: null },
  { name: "empty string", value: "" },
  { name: "blank", value: "   " },
  // overlong
  { name: "201 characters", value: long(201) },
  { name: "10,001 characters", value: long(10_001) },
  { name: "100,000 characters", value: long(100_000) },
  // NUL and broken UTF-16 (the characters PostgreSQL refuses)
  { name: "NUL alone", value: "\u0000" },
  { name: "NUL inside", value: "a\u0000b" },
  { name: "lone high surrogate", value: "\ud800" },
  { name: "lone low surrogate", value: "x\udfffy" },
  { name: "half an emoji", value: "rocket \ud83d" },
  // valid Unicode: accepted or cleanly refused, never an error
  { name: "RTL Arabic", value: "خطة أمن البيانات" },
  { name: "RTL Hebrew with override", value: "\u202Eעברית\u202C" },
  { name: "emoji with joiners", value: "👩‍💻🚀🏳️‍🌈" },
  { name: "zero-width and combining", value: "a\u200b\u0301b\ufeff" },
  { name: "other control characters", value: "\u0001\u0007\u001b[31m\u007f" },
  // text an injection would try
  { name: "SQL", value: '\'; DROP TABLE "Task"; --' },
  { name: "HTML", value: "<script>alert(1)</script>" },
  { name: "percent-encoded NUL", value: "%00" },
  { name: "ICU braces", value: "{count, plural, other {#}} {0}" },
  { name: "__proto__", value: "__proto__" },
  // numbers
  { name: "zero", value: 0 },
  { name: "negative", value: -1 },
  { name: "fraction", value: 1.5 },
  { name: "huge", value: 1e308 },
  { name: "beyond int4", value: 2_147_483_648 },
  { name: "NaN", value: Number.NaN, isJson: false },
  { name: "Infinity", value: Number.POSITIVE_INFINITY, isJson: false },
  { name: "BigInt", value: 10n ** 30n, isJson: false },
  { name: '"NaN"', value: "NaN" },
  { name: '"Infinity"', value: "Infinity" },
  { name: '"1e999"', value: "1e999" },
  { name: "numeric string with spaces", value: " 42 " },
  // dates
  { name: "year 0", value: "0000-01-01" },
  { name: "year 9999", value: "9999-12-31" },
  { name: "1899-12-31", value: "1899-12-31" },
  { name: "February 30", value: "2026-02-30" },
  { name: "month 13", value: "2026-13-01" },
  { name: "ISO date-time", value: "2026-01-01T00:00:00Z" },
  { name: "extended year", value: "+275760-09-13" },
  { name: "Date object", value: new Date("2026-05-01T00:00:00Z"), isJson: false },
  { name: "invalid Date object", value: new Date(Number.NaN), isJson: false },
  // wrong types
  { name: "true", value: true },
  { name: "empty array", value: [] },
  { name: "array of NUL", value: ["\u0000"] },
  { name: "empty object", value: {} },
  { name: "operator object", value: { $gt: "" } },
  { name: "10,000 elements", value: Array.from({ length: 10_000 }, (_, i) => `k${i}`) },
];

/** Replacements for a whole JSON body or a whole action input. */
export const HOSTILE_WHOLE_INPUTS: readonly HostileValue[] = [
  { name: "undefined", value: undefined },
  { name: "null", value: null },
  { name: "a string", value: "title" },
  { name: "a NUL string", value: "\u0000" },
  { name: "a number", value: 42 },
  { name: "NaN", value: Number.NaN, isJson: false },
  { name: "true", value: true },
  { name: "an array", value: [] },
  { name: "an array of objects", value: [{ title: "x" }] },
  { name: "an empty object", value: {} },
  { name: "__proto__ pollution", value: JSON.parse('{"__proto__": {"isAdmin": true}, "constructor": {"x": 1}}') },
];

/** A raw request: what a client sends instead of a JSON body (`contentType` null sends no header), built from a valid JSON body of the route. */
export type RawBody = {
  name: string;
  body: (valid: string) => string | Uint8Array<ArrayBuffer>;
  contentType?: string | null;
};

const FIVE_MB = 5 * 1024 * 1024;

/** Bodies a JSON endpoint must refuse (or accept) cleanly. */
export const RAW_BODIES: readonly RawBody[] = [
  { name: "no body", body: () => "" },
  { name: "whitespace", body: () => " \n\t " },
  { name: "malformed JSON", body: () => "{title:" },
  { name: "truncated JSON", body: (valid) => valid.slice(0, -1) },
  { name: "trailing garbage", body: (valid) => `${valid}}` },
  { name: "two documents", body: (valid) => `${valid}${valid}` },
  { name: "single quotes", body: (valid) => valid.replaceAll('"', "'") },
  { name: "JSON null", body: () => "null" },
  { name: "JSON number", body: () => "1e999" },
  { name: "JSON string", body: () => '"\\u0000"' },
  { name: "escaped NUL in every string", body: (valid) => valid.replace(/":"/g, '":"\\u0000') },
  { name: "escaped lone surrogate in every string", body: (valid) => valid.replace(/":"/g, '":"\\ud800') },
  { name: "duplicate keys, hostile last", body: (valid) => `${valid.slice(0, -1)},"title":"\\u0000","version":-1}` },
  { name: "duplicate keys, valid last", body: (valid) => `{"title":"\\u0000",${valid.slice(1)}` },
  { name: "byte-order mark", body: (valid) => `\ufeff${valid}` },
  { name: "invalid UTF-8", body: () => new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]) },
  { name: "deeply nested", body: () => `${"[".repeat(100_000)}${"]".repeat(100_000)}` },
  { name: "5 MB string", body: () => JSON.stringify({ title: "x".repeat(FIVE_MB) }) },
  {
    name: "5 MB of keys",
    body: () => `{${Array.from({ length: FIVE_MB / 16 }, (_, i) => `"k${i}":1`).join(",")}}`,
  },
  { name: "text/plain", body: (valid) => valid, contentType: "text/plain" },
  {
    name: "form encoded",
    body: () => "title=x&startDate=2026-01-01",
    contentType: "application/x-www-form-urlencoded",
  },
  {
    name: "multipart",
    body: () => '--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--b--\r\n',
    contentType: "multipart/form-data; boundary=b",
  },
  { name: "no content type", body: (valid) => valid, contentType: null },
  { name: "JSON with a charset", body: (valid) => valid, contentType: "application/json; charset=utf-16" },
  { name: "XML", body: () => "<plan><title>x</title></plan>", contentType: "application/xml" },
];

/** A value as it can travel in a query string or a path segment. */
export function asText(value: unknown): string {
  if (typeof value === "string") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (typeof value === "bigint" || typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? "";
}

/** The values that a JSON body can carry (NaN, BigInt, Date objects cannot). */
export const JSON_HOSTILE_VALUES = HOSTILE_VALUES.filter((v) => v.isJson !== false);
