import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

type EmptyAction = { href: string; label: string; variant?: "primary" | "secondary" };

/** What an empty list shows: what it would hold, and the next step(s) to fill it. */
export function EmptyState({
  title,
  children,
  actions = [],
}: {
  title: string;
  children?: ReactNode;
  actions?: EmptyAction[];
}) {
  return (
    <div
      role="status"
      className="flex flex-col items-start gap-3 rounded-lg border border-dashed border-slate-300 bg-white p-6"
    >
      <p className="font-medium text-slate-900">{title}</p>
      {children ? <div className="max-w-2xl text-sm text-slate-700">{children}</div> : null}
      {actions.length > 0 ? (
        <div className="flex flex-wrap gap-2">
          {actions.map((action) => (
            <Link key={action.href} href={action.href} className={buttonClass(action.variant ?? "primary")}>
              {action.label}
            </Link>
          ))}
        </div>
      ) : null}
    </div>
  );
}
