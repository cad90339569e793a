import type { HTMLAttributes, TableHTMLAttributes } from "react";

/**
 * A data table that scrolls sideways inside its own box on narrow screens. The box
 * is positioned, so screen-reader-only text in the cells stays inside it instead
 * of widening the page.
 */
export function Table({
  className = "",
  wrapperClassName = "",
  ...rest
}: TableHTMLAttributes<HTMLTableElement> & { wrapperClassName?: string }) {
  return (
    <div className={`relative overflow-x-auto ${wrapperClassName}`}>
      <table className={`w-full text-left text-sm ${className}`} {...rest} />
    </div>
  );
}

/** The header row group of a Table. */
export function TableHead({ className = "", ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={`border-b border-slate-200 bg-slate-50 text-slate-700 ${className}`} {...rest} />;
}
