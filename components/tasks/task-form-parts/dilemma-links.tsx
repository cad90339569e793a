"use client";

import { useState } from "react";
import type { DilemmaCode } from "@/lib/catalog/types";
import type { FormValues, Option } from "@/components/tasks/task-form-parts/snapshot";

type DilemmaLinksProps = {
  legend: string;
  hint: string;
  error?: string;
  options: Option<DilemmaCode>[];
  value: FormValues["dilemmas"];
  onChange: (value: FormValues["dilemmas"]) => void;
  weightLabel: (code: DilemmaCode) => string;
  weightOptions: { value: number; label: string }[];
};

/** One checkbox and weight per dilemma, edited as the schema's list of links. */
export function DilemmaLinks({
  legend,
  hint,
  error,
  options,
  value,
  onChange,
  weightLabel,
  weightOptions,
}: DilemmaLinksProps) {
  const [weights, setWeights] = useState<Partial<Record<DilemmaCode, number>>>(() =>
    Object.fromEntries(value.map((l) => [l.dilemmaCode, Number(l.weight)])),
  );
  const linkOf = (code: DilemmaCode) => value.find((l) => l.dilemmaCode === code);

  function toggle(code: DilemmaCode, isChecked: boolean) {
    const rest = value.filter((l) => l.dilemmaCode !== code);
    const next = isChecked ? [...rest, { dilemmaCode: code, weight: weights[code] ?? 1 }] : rest;
    onChange(next.sort((a, b) => a.dilemmaCode.localeCompare(b.dilemmaCode)));
  }

  function setWeight(code: DilemmaCode, weight: number) {
    setWeights((w) => ({ ...w, [code]: weight }));
    onChange(value.map((l) => (l.dilemmaCode === code ? { ...l, weight } : l)));
  }

  return (
    <fieldset
      aria-describedby={["dilemmas-hint", error ? "dilemmas-error" : null].filter(Boolean).join(" ")}
      aria-invalid={error ? true : undefined}
    >
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <p id="dilemmas-hint" className="mt-1 text-xs text-slate-600">
        {hint}
      </p>
      <ul className="mt-2 flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200">
        {options.map((option) => {
          const link = linkOf(option.code);
          const checkboxId = `dilemma-${option.code}`;
          return (
            <li
              key={option.code}
              className="flex flex-col gap-2 px-3 py-2 sm:flex-row sm:items-center sm:justify-between"
            >
              <div className="flex items-start gap-2">
                <input
                  type="checkbox"
                  id={checkboxId}
                  checked={Boolean(link)}
                  onChange={(e) => toggle(option.code, e.target.checked)}
                  className="mt-0.5 size-4 shrink-0 accent-brand-600"
                />
                <label htmlFor={checkboxId} className="text-sm">
                  {option.label}
                </label>
              </div>
              <div className="pl-6 sm:pl-0">
                <label htmlFor={`${checkboxId}-weight`} className="sr-only">
                  {weightLabel(option.code)}
                </label>
                <select
                  id={`${checkboxId}-weight`}
                  value={link ? Number(link.weight) : (weights[option.code] ?? 1)}
                  disabled={!link}
                  onChange={(e) => setWeight(option.code, Number(e.target.value))}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:bg-slate-50 disabled:text-slate-500"
                >
                  {weightOptions.map((w) => (
                    <option key={w.value} value={w.value}>
                      {w.label}
                    </option>
                  ))}
                </select>
              </div>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p id="dilemmas-error" className="mt-1 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
