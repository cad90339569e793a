"use client";

import { useTranslations } from "next-intl";
import { WIZARD_STEPS, type WizardStep } from "@/lib/plans/wizard-state";

/** The wizard's steps in a row; the current one is marked, earlier ones can be revisited. */
export function WizardStepIndicator({ current, onGoTo }: { current: WizardStep; onGoTo: (step: WizardStep) => void }) {
  const t = useTranslations("wizard.steps");
  const currentIndex = WIZARD_STEPS.indexOf(current);
  return (
    <nav aria-label={t("label")}>
      <ol className="grid grid-cols-4 gap-2">
        {WIZARD_STEPS.map((step, index) => {
          const isCurrent = index === currentIndex;
          const isDone = index < currentIndex;
          const marker = (
            <span
              aria-hidden
              className={`flex size-7 shrink-0 items-center justify-center rounded-full text-sm font-semibold ${
                isCurrent
                  ? "bg-brand-600 text-white"
                  : isDone
                    ? "bg-brand-100 text-brand-800"
                    : "bg-slate-200 text-slate-700"
              }`}
            >
              {index + 1}
            </span>
          );
          const label = <span className="text-center text-xs sm:text-left sm:text-sm">{t(step)}</span>;
          const layout = "flex w-full flex-col items-center gap-1 rounded-md p-1 sm:flex-row sm:gap-2";
          return (
            <li
              key={step}
              aria-current={isCurrent ? "step" : undefined}
              className={`border-t-4 pt-2 ${isCurrent || isDone ? "border-brand-600" : "border-slate-200"}`}
            >
              {isDone ? (
                <button
                  type="button"
                  className={`${layout} text-brand-800 hover:bg-brand-50`}
                  aria-label={t("goTo", { number: index + 1, name: t(step) })}
                  onClick={() => onGoTo(step)}
                >
                  {marker}
                  {label}
                </button>
              ) : (
                <span className={`${layout} ${isCurrent ? "font-semibold text-slate-900" : "text-slate-600"}`}>
                  {marker}
                  {label}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
