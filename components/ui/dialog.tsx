"use client";

import { useTranslations } from "next-intl";
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * A modal dialog on the native <dialog> element: focus moves into it and stays
 * there, Escape closes it, and focus returns to where it was.
 */
export function Dialog({
  title,
  children,
  footer,
  onClose,
}: {
  title: string;
  children?: ReactNode;
  footer: ReactNode;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex flex-col gap-4 p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {children ? <div className="text-sm text-slate-800">{children}</div> : null}
        <div className="flex flex-wrap justify-end gap-2">{footer}</div>
      </div>
    </dialog>
  );
}

/**
 * A confirmation step for destructive actions: `confirm(message, action)` opens a
 * dialog and runs the action only when the person confirms. Render `dialog` in the component.
 */
export function useConfirm() {
  const t = useTranslations("common");
  const [request, setRequest] = useState<{ message: string; action: () => void } | null>(null);
  const confirm = useCallback((message: string, action: () => void) => setRequest({ message, action }), []);
  const dialog = request ? (
    <Dialog
      title={t("confirmTitle")}
      onClose={() => setRequest(null)}
      footer={
        <>
          <Button type="button" variant="secondary" onClick={() => setRequest(null)}>
            {t("cancel")}
          </Button>
          <Button
            type="button"
            variant="danger"
            onClick={() => {
              setRequest(null);
              request.action();
            }}
          >
            {t("confirm")}
          </Button>
        </>
      }
    >
      {request.message}
    </Dialog>
  ) : null;
  return [dialog, confirm] as const;
}
