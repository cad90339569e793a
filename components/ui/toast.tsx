import type { ReactNode } from "react";

/** A short confirmation next to the control that caused it ("Saved"), announced politely to screen readers. */
export function Toast({ children }: { children: ReactNode }) {
  return (
    <span role="status" className="rounded-md bg-green-50 px-2 py-1 text-sm text-green-800">
      {children}
    </span>
  );
}
