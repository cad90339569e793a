import type { HTMLAttributes } from "react";

/** A white panel with a border. */
export function Card({ className = "", ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={`rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${className}`} {...rest} />;
}
