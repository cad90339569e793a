type Person = { id: string; name: string; email?: string | null };

/**
 * How each person is named in a select or a table: the name alone, or "name
 * (email)" when another person shown has the same name, so they can be told apart.
 */
export function memberLabels(people: Person[]): Map<string, string> {
  const count = new Map<string, number>();
  for (const p of people) count.set(p.name.trim().toLowerCase(), (count.get(p.name.trim().toLowerCase()) ?? 0) + 1);
  return new Map(
    people.map((p) => [
      p.id,
      (count.get(p.name.trim().toLowerCase()) ?? 0) > 1 && p.email ? `${p.name} (${p.email})` : p.name,
    ]),
  );
}

/** Up to two initials of a name: the first letters of its first and last words, or its first character (e.g. 李). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return "?";
  const first = [...(words[0] ?? "")][0] ?? "";
  if (words.length === 1) return first.toUpperCase();
  const last = [...(words[words.length - 1] ?? "")][0] ?? "";
  return `${first}${last}`.toUpperCase();
}

// Background colours with white text at 4.5:1 contrast or more.
const COLOURS = [
  "bg-blue-700",
  "bg-emerald-700",
  "bg-violet-700",
  "bg-rose-700",
  "bg-amber-800",
  "bg-cyan-800",
  "bg-fuchsia-700",
  "bg-slate-700",
];

/** A stable colour for a person (the same id always gets the same one). */
export function colourOf(id: string): string {
  let hash = 0;
  for (const c of id) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return COLOURS[hash % COLOURS.length] ?? "bg-slate-700";
}

/** A round avatar with a person's initials; the name is its accessible label (or title when `label` is given). */
export function Avatar({
  id,
  name,
  label,
  size = "sm",
}: {
  id: string;
  name: string;
  label?: string;
  size?: "sm" | "md";
}) {
  return (
    <span
      role="img"
      aria-label={label ?? name}
      title={label ?? name}
      className={`inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white ${colourOf(id)} ${size === "sm" ? "h-6 w-6 text-[10px]" : "h-8 w-8 text-xs"}`}
    >
      {initialsOf(name)}
    </span>
  );
}
