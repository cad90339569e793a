import { useFormatter } from "next-intl";
import { toPercent } from "@/lib/progress/formula";

/** A labelled horizontal bar for a 0–1 value; null means "not addressed". */
export function ProgressBar({
  value,
  label,
  notAddressed,
}: {
  value: number | null;
  label: string;
  notAddressed: string;
}) {
  const format = useFormatter();
  if (value === null) return <span className="text-sm text-slate-600">{notAddressed}</span>;
  const percent = toPercent(value);
  return (
    <div className="flex items-center gap-2">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2 w-full overflow-hidden rounded bg-slate-200"
      >
        <div className="h-full bg-brand-600" style={{ width: `${percent}%` }} />
      </div>
      <span className="min-w-12 text-right text-sm whitespace-nowrap tabular-nums">
        {format.number(percent / 100, { style: "percent" })}
      </span>
    </div>
  );
}
