"use client";

import { useTranslations } from "next-intl";
import type { RefObject } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { DetailError, DetailField, WizardState } from "@/lib/plans/wizard-state";

type Props = {
  headingRef: RefObject<HTMLHeadingElement | null>;
  headingId: string;
  state: WizardState;
  errors: Partial<Record<DetailField, DetailError>>;
  serverErrors: Partial<Record<DetailField, string>>;
  onChange: (field: DetailField, value: string) => void;
  onNext: () => void;
};

/** Step 1: title, description and dates, checked with the plan schema before moving on. */
export function WizardDetailsStep({ headingRef, headingId, state, errors, serverErrors, onChange, onNext }: Props) {
  const t = useTranslations("wizard");
  const errorOf = (field: DetailField) => {
    const reason = errors[field];
    return reason ? t(`errors.${reason}`) : serverErrors[field];
  };
  return (
    <Card>
      <form
        aria-labelledby={headingId}
        noValidate
        className="flex flex-col gap-4"
        onSubmit={(event) => {
          event.preventDefault();
          onNext();
        }}
      >
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
          {t("details.heading")}
        </h2>
        <Field
          id="title"
          name="title"
          label={t("details.title")}
          value={state.title}
          onChange={(e) => onChange("title", e.target.value)}
          error={errorOf("title")}
          required
          autoComplete="off"
        />
        <Textarea
          id="description"
          name="description"
          label={t("details.description")}
          hint={t("details.descriptionHint")}
          value={state.description}
          onChange={(e) => onChange("description", e.target.value)}
          error={errorOf("description")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            id="startDate"
            name="startDate"
            type="date"
            label={t("details.startDate")}
            value={state.startDate}
            onChange={(e) => onChange("startDate", e.target.value)}
            error={errorOf("startDate")}
            required
          />
          <Field
            id="targetDate"
            name="targetDate"
            type="date"
            label={t("details.targetDate")}
            value={state.targetDate}
            min={state.startDate || undefined}
            onChange={(e) => onChange("targetDate", e.target.value)}
            error={errorOf("targetDate")}
            required
          />
        </div>
        <div className="flex justify-end">
          <Button type="submit">{t("next")}</Button>
        </div>
      </form>
    </Card>
  );
}
