"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { WizardAreasStep } from "@/components/plans/wizard-areas-step";
import { WizardDetailsStep } from "@/components/plans/wizard-details-step";
import { WizardReviewStep } from "@/components/plans/wizard-review-step";
import { WizardStepIndicator } from "@/components/plans/wizard-step-indicator";
import { WizardTemplatesStep } from "@/components/plans/wizard-templates-step";
import { FormError } from "@/components/ui/form-error";
import { AREA_CODES, type AreaCode } from "@/lib/catalog/types";
import { createPlanAction } from "@/lib/plans/actions";
import {
  DETAIL_FIELDS,
  detailErrors,
  parseWizardState,
  serializeWizardState,
  toCreatePlanInput,
  type DetailField,
  type WizardAreaView,
  type WizardMember,
  type WizardState,
  type WizardStep,
} from "@/lib/plans/wizard-state";

const TYPING_DELAY_MS = 300;
const NAVIGATION_POLL_MS = 100;
// A navigation that never reaches the address bar (an error page, say) must not block the queue for good.
const MAX_NAVIGATION_WAIT_MS = 5_000;

/** Field errors the server returned, placed on the step they belong to. */
type WizardServerErrors = {
  details: Partial<Record<DetailField, string>>;
  assignees: Partial<Record<AreaCode, string>>;
};

const noServerErrors: WizardServerErrors = { details: {}, assignees: {} };

type Props = {
  teamSlug: string;
  catalog: WizardAreaView[];
  members: WizardMember[];
  initialState: WizardState;
  /** The query string the page was opened with (before default dates were filled in): what the address bar shows. */
  initialQuery: string;
  /** The reader's calendar day, "YYYY-MM-DD". */
  today: string;
};

/**
 * The four-step plan wizard. Its state lives in the URL (the description in sessionStorage), so a reload
 * keeps it: moving between steps pushes a history entry (Back returns to the previous step), edits within a
 * step replace the current one.
 */
export function PlanWizard({ teamSlug, catalog, members, initialState, initialQuery, today }: Props) {
  const t = useTranslations("wizard");
  const [state, setState] = useState(initialState);
  const [isDetailsTouched, setIsDetailsTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<WizardServerErrors>(noServerErrors);
  const [formError, setFormError] = useState<string | null>(null);
  const [pendingStatus, setPendingStatus] = useState<"DRAFT" | "ACTIVE" | null>(null);
  const [isPending, startTransition] = useTransition();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusedStepRef = useRef<WizardStep | null>(null);

  const query = serializeWizardState(state);
  // Member ids as one string, so effects do not re-run when the server sends the same members again.
  const memberKey = members.map((m) => m.userId).join(",");
  const urlHistory = useWizardHistory(query, initialQuery, memberKey, isPending);
  const errors = detailErrors(state);
  const hasDetailErrors = Object.keys(errors).length > 0;
  // A later step reached with invalid details (a reload or a shared link) shows the details first.
  const step: WizardStep = hasDetailErrors && state.step !== "details" ? "details" : state.step;
  const shownDetailErrors = isDetailsTouched || step !== state.step ? errors : {};

  // The description stays in this tab's sessionStorage rather than the URL (it can be long): restored when
  // the wizard is reloaded or returned to with its state in the address bar, forgotten when it starts afresh.
  const descriptionKey = `pathwise-wizard-description:${teamSlug}`;
  useEffect(() => {
    const saved = window.location.search ? window.sessionStorage.getItem(descriptionKey) : null;
    // Browser-only storage can be read only after hydration, so this one restore runs in an effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (saved) setState((current) => ({ ...current, description: saved }));
    else window.sessionStorage.removeItem(descriptionKey);
  }, [descriptionKey]);
  useEffect(() => {
    if (state.description) window.sessionStorage.setItem(descriptionKey, state.description);
  }, [descriptionKey, state.description]);

  // Back and Forward restore the wizard from the address bar (the description stays as it is).
  const { restore } = urlHistory;
  useEffect(() => {
    function onPopState() {
      const restored = parseWizardState(new URLSearchParams(window.location.search), {
        memberIds: memberKey.split(","),
      });
      setState((current) => ({ ...restored, description: current.description }));
      restore(serializeWizardState(restored));
      setServerErrors(noServerErrors);
      setFormError(null);
    }
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, [memberKey, restore]);

  // A new step takes focus to its heading, so keyboard and screen-reader users start at its top.
  useEffect(() => {
    if (focusedStepRef.current !== null && focusedStepRef.current !== step) headingRef.current?.focus();
    focusedStepRef.current = step;
  }, [step]);

  function update(change: (current: WizardState) => WizardState) {
    setState(change);
    setServerErrors(noServerErrors);
    setFormError(null);
  }

  function goTo(next: WizardStep, change: (current: WizardState) => WizardState = (s) => s) {
    const nextState = { ...change(state), step: next };
    setState(nextState);
    urlHistory.push(query, serializeWizardState(nextState));
  }

  function leaveDetails() {
    setIsDetailsTouched(true);
    const firstInvalid = DETAIL_FIELDS.find((field) => errors[field]);
    if (firstInvalid) {
      document.getElementById(firstInvalid)?.focus();
      return;
    }
    goTo("areas");
  }

  function create(status: "DRAFT" | "ACTIVE") {
    if (hasDetailErrors) {
      setIsDetailsTouched(true);
      goTo("details");
      return;
    }
    setFormError(null);
    setServerErrors(noServerErrors);
    setPendingStatus(status);
    startTransition(async () => {
      // Forgotten before the action redirects to the new plan; kept again if the plan was not created.
      window.sessionStorage.removeItem(descriptionKey);
      const result = await createPlanAction(teamSlug, toCreatePlanInput(state, status));
      if (!result || result.ok) return;
      if (state.description) window.sessionStorage.setItem(descriptionKey, state.description);
      setPendingStatus(null);
      const placed = placeFieldErrors(result.fieldErrors ?? {}, t("errors.assigneeNotMember"));
      if (Object.keys(placed.details).length > 0) {
        setServerErrors(placed);
        goTo("details");
      } else if (Object.keys(placed.assignees).length > 0) {
        setServerErrors(placed);
        goTo("templates");
      } else if (Object.keys(result.fieldErrors ?? {}).some((key) => key.startsWith("templateKeys"))) {
        setFormError(t("errors.templates"));
        goTo("templates");
      } else {
        setFormError(result.message);
      }
    });
  }

  const stepProps = { headingRef, headingId: "wizard-step-heading" };

  return (
    <div className="flex flex-col gap-6">
      <WizardStepIndicator current={step} onGoTo={(s) => goTo(s)} />
      <FormError message={formError} />
      {step === "details" ? (
        <WizardDetailsStep
          {...stepProps}
          state={state}
          errors={shownDetailErrors}
          serverErrors={serverErrors.details}
          onChange={(field, value) => update((s) => ({ ...s, [field]: value }))}
          onNext={leaveDetails}
        />
      ) : step === "areas" ? (
        <WizardAreasStep
          {...stepProps}
          catalog={catalog}
          state={state}
          onChange={update}
          onBack={() => goTo("details")}
          onNext={() => goTo(state.areas.length > 0 ? "templates" : "review")}
          onSkip={() => goTo("review", (s) => ({ ...s, areas: [], off: [], assignees: {} }))}
        />
      ) : step === "templates" ? (
        <WizardTemplatesStep
          {...stepProps}
          catalog={catalog}
          members={members}
          state={state}
          assigneeErrors={serverErrors.assignees}
          onChange={update}
          onBack={() => goTo("areas")}
          onNext={() => goTo("review")}
        />
      ) : (
        <WizardReviewStep
          {...stepProps}
          catalog={catalog}
          members={members}
          state={state}
          pendingStatus={isPending ? pendingStatus : null}
          today={today}
          onChange={update}
          onBack={() => goTo(state.areas.length > 0 ? "templates" : "areas")}
          onCreate={create}
        />
      )}
    </div>
  );
}

type HistoryOp = { mode: "push" | "replace"; query: string };

/** Queues "the current history entry holds `query`", merged into a trailing replace. */
function withReplace(ops: HistoryOp[], query: string, writtenQuery: string): HistoryOp[] {
  const last = ops.at(-1);
  if ((last?.query ?? writtenQuery) === query) return ops;
  if (last?.mode === "replace") return [...ops.slice(0, -1), { mode: "replace", query }];
  return [...ops, { mode: "replace", query }];
}

/**
 * Keeps the address bar in step with the wizard: edits replace the current entry (debounced), step changes
 * push a new one. A router navigation still on its way would be cancelled by the next one (and with it a
 * push, breaking Back), so navigations are queued and each waits until the previous one reached the address bar.
 */
function useWizardHistory(query: string, initialQuery: string, memberKey: string, isPaused: boolean) {
  const router = useRouter();
  const pathname = usePathname();
  const [writtenQuery, setWrittenQuery] = useState(initialQuery);
  const [ops, setOps] = useState<HistoryOp[]>([]);
  const lastQueued = ops.at(-1)?.query ?? writtenQuery;

  useEffect(() => {
    if (query === lastQueued) return;
    const timer = setTimeout(() => setOps((current) => withReplace(current, query, writtenQuery)), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, lastQueued, writtenQuery]);

  useEffect(() => {
    const op = ops[0];
    if (!op || isPaused) return;
    let waited = 0;
    let timer = setTimeout(function navigate() {
      if (addressBarQuery(memberKey) !== writtenQuery && waited < MAX_NAVIGATION_WAIT_MS) {
        waited += NAVIGATION_POLL_MS;
        timer = setTimeout(navigate, NAVIGATION_POLL_MS);
        return;
      }
      setOps((current) => (current[0] === op ? current.slice(1) : current));
      setWrittenQuery(op.query);
      if (op.mode === "push") router.push(`${pathname}?${op.query}`);
      else router.replace(`${pathname}?${op.query}`, { scroll: false });
    }, 0);
    return () => clearTimeout(timer);
  }, [ops, writtenQuery, isPaused, memberKey, pathname, router]);

  /** Leaves the current step: its entry keeps `current` (for Back), `next` becomes a new entry. */
  const push = useCallback(
    (current: string, next: string) =>
      setOps((queued) => [...withReplace(queued, current, writtenQuery), { mode: "push", query: next }]),
    [writtenQuery],
  );
  /** Adopts the address bar after Back or Forward, dropping whatever was still queued. */
  const restore = useCallback((restored: string) => {
    setOps([]);
    setWrittenQuery(restored);
  }, []);
  return { push, restore };
}

/** The wizard state in the address bar right now, in canonical form. */
function addressBarQuery(memberKey: string): string {
  return serializeWizardState(
    parseWizardState(new URLSearchParams(window.location.search), { memberIds: memberKey.split(",") }),
  );
}

/** Maps the server's field errors ("title", "defaultAssignees.R3") onto the wizard's steps. */
function placeFieldErrors(fieldErrors: Record<string, string[]>, assigneeMessage: string): WizardServerErrors {
  const placed: WizardServerErrors = { details: {}, assignees: {} };
  for (const [key, messages] of Object.entries(fieldErrors)) {
    const [head, tail] = key.split(".");
    const field = DETAIL_FIELDS.find((f) => f === head);
    if (field && messages[0]) placed.details[field] = messages[0];
    const area = AREA_CODES.find((a) => a === tail);
    if (head === "defaultAssignees" && area) placed.assignees[area] = assigneeMessage;
  }
  return placed;
}
