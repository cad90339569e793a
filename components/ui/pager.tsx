import Link from "next/link";

/** The 1-based page asked for (`?page=`), within 1…pageCount: anything else is the nearest page. */
export function pageFrom(raw: string | string[] | undefined, pageCount: number): number {
  const page = Number.parseInt(Array.isArray(raw) ? (raw[0] ?? "") : (raw ?? ""), 10);
  return Number.isFinite(page) ? Math.min(Math.max(page, 1), Math.max(pageCount, 1)) : 1;
}

const linkClass = "rounded-md border border-slate-300 px-3 py-1.5 text-brand-700 hover:bg-slate-50";

/**
 * Where a long list is: "Plans 26–50 of 203" and Previous / Next links (rel prev
 * and next; the links are left out when printing). Nothing when it all fits on one page.
 */
export function Pager({
  label,
  range,
  previous,
  next,
}: {
  /** The navigation's accessible name. */
  label: string;
  /** What this page shows, e.g. "Plans 26–50 of 203". */
  range: string;
  previous?: { href: string; label: string } | null;
  next?: { href: string; label: string } | null;
}) {
  if (!previous && !next) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-slate-600 tabular-nums">{range}</p>
      <div className="flex gap-2 print:hidden">
        {previous ? (
          <Link href={previous.href} rel="prev" className={linkClass}>
            {previous.label}
          </Link>
        ) : null}
        {next ? (
          <Link href={next.href} rel="next" className={linkClass}>
            {next.label}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
