import Link from "next/link";

/** The heading of a plan's sub-page (dashboard, indicators, report): a link back to the plan, then "plan · page". */
export function PlanPageTitle({
  planHref,
  backLabel,
  planTitle,
  pageTitle,
}: {
  planHref: string;
  backLabel: string;
  planTitle: string;
  pageTitle: string;
}) {
  return (
    <>
      <p className="text-sm text-slate-600 print:hidden">
        <Link href={planHref} className="text-brand-700 hover:underline">
          {backLabel}
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">
        {planTitle} · {pageTitle}
      </h1>
    </>
  );
}
