import { forwardRef, type SelectHTMLAttributes } from "react";

type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string; hideLabel?: boolean };

/** A labelled native select with its field-level error. */
export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { label, error, hideLabel = false, id, name, className = "", children, ...rest },
  ref,
) {
  const selectId = id ?? name;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={selectId} className={hideLabel ? "sr-only" : "text-sm font-medium text-slate-800"}>
        {label}
      </label>
      <select
        ref={ref}
        id={selectId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${selectId}-error` : undefined}
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm"
        {...rest}
      >
        {children}
      </select>
      {error ? (
        <p id={`${selectId}-error`} className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
});
