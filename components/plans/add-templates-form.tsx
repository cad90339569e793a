"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { addTemplatesAction } from "@/lib/plans/actions";
import { fieldErrorsText } from "@/components/forms/apply-server-errors";

type TemplateOption = { key: string; text: string; weights: string; isInPlan: boolean };
type AreaGroup = { code: string; label: string; templates: TemplateOption[] };

/** Picks catalog templates to add to a plan; templates already in it need a second confirmation. */
export function AddTemplatesForm({
  teamSlug,
  planId,
  groups,
}: {
  teamSlug: string;
  planId: string;
  groups: AreaGroup[];
}) {
  const t = useTranslations("addTemplates");
  const router = useRouter();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [duplicates, setDuplicates] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const submit = (allowDuplicates: boolean) => {
    setError(null);
    startTransition(async () => {
      const result = await addTemplatesAction(teamSlug, planId, [...chosen], allowDuplicates);
      if (!result.ok) return setError(fieldErrorsText(result));
      if (result.data.created === 0 && result.data.duplicates.length > 0) return setDuplicates(result.data.duplicates);
      router.push(`/t/${teamSlug}/plans/${planId}`);
    });
  };

  return (
    <form
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
    >
      {groups.map((group) => (
        <fieldset key={group.code} className="rounded-lg border border-slate-200 bg-white p-4">
          <legend className="px-1 font-medium">{group.label}</legend>
          <ul className="flex flex-col gap-2">
            {group.templates.map((tpl) => (
              <li key={tpl.key}>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    className="mt-1"
                    checked={chosen.has(tpl.key)}
                    onChange={(e) =>
                      setChosen((prev) => {
                        const next = new Set(prev);
                        if (e.target.checked) next.add(tpl.key);
                        else next.delete(tpl.key);
                        return next;
                      })
                    }
                  />
                  <span>
                    <span className="mr-2 text-slate-500">{tpl.key}</span>
                    {tpl.text} <span className="text-xs text-slate-600">({tpl.weights})</span>
                    {tpl.isInPlan ? (
                      <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs text-amber-900">{t("inPlan")}</span>
                    ) : null}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
      <FormError message={error} />
      {duplicates.length > 0 ? (
        <div role="alert" className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p>{t("duplicateWarning", { keys: duplicates.join(", ") })}</p>
          <div className="flex gap-2">
            <Button type="button" variant="secondary" isPending={isPending} onClick={() => submit(true)}>
              {t("addAnyway")}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setDuplicates([])}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : null}
      <Button type="submit" isPending={isPending} disabled={chosen.size === 0} className="self-start">
        {t("add", { count: chosen.size })}
      </Button>
    </form>
  );
}
