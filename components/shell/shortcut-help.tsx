"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { SHORTCUTS } from "@/components/shell/shortcuts";

/** The "?" dialog: every keyboard shortcut and what it does. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const t = useTranslations("shell");
  return (
    <Dialog
      title={t("shortcutsTitle")}
      onClose={onClose}
      footer={
        <Button type="button" variant="secondary" onClick={onClose}>
          {t("close")}
        </Button>
      }
    >
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
        {SHORTCUTS.map((s) => (
          <div key={s.label} className="contents">
            <dt className="flex gap-1">
              {s.keys.map((k) => (
                <kbd key={k} className="rounded border border-slate-300 bg-slate-50 px-1.5 text-xs">
                  {k}
                </kbd>
              ))}
            </dt>
            <dd>{t(`shortcut.${s.label}`)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
