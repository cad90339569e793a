"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type KeyboardEvent } from "react";
import { mentionToken } from "@/lib/mentions/mentions";

/** A member who can be mentioned: the team's members only. */
export type Mentionable = { id: string; name: string; email: string };

const TRIGGER = /(^|\s)@([^\s@[\]()]{0,40})$/;
const MAX_SUGGESTIONS = 6;

/**
 * @mention autocomplete for a textarea: typing "@" and part of a name or email
 * lists the matching members; ↑/↓ move, Enter or Tab inserts `@[Name](user:id)`,
 * Escape closes. `apply` writes the new text and caret (e.g. react-hook-form's setValue).
 */
export function useMentions(members: Mentionable[], apply: (text: string, caret: number) => void) {
  const t = useTranslations("mentions");
  const listId = useId();
  const [query, setQuery] = useState<{ start: number; end: number; text: string } | null>(null);
  const [active, setActive] = useState(0);
  const needle = query?.text.toLowerCase() ?? "";
  const matches = query
    ? members
        .filter((m) => m.name.toLowerCase().includes(needle) || m.email.toLowerCase().includes(needle))
        .slice(0, MAX_SUGGESTIONS)
    : [];
  const open = query !== null && matches.length > 0;

  const track = (el: HTMLTextAreaElement) => {
    const caret = el.selectionStart ?? el.value.length;
    const found = TRIGGER.exec(el.value.slice(0, caret));
    if (!found) return setQuery(null);
    const text = found[2] ?? "";
    setQuery({ start: caret - text.length - 1, end: caret, text });
    setActive(0);
  };

  const choose = (member: Mentionable, value: string) => {
    if (!query) return;
    const token = `${mentionToken(member)} `;
    apply(value.slice(0, query.start) + token + value.slice(query.end), query.start + token.length);
    setQuery(null);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open) return false;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (i + (e.key === "ArrowDown" ? 1 : matches.length - 1)) % matches.length);
      return true;
    }
    if (e.key === "Enter" || e.key === "Tab") {
      const member = matches[active];
      if (!member) return false;
      e.preventDefault();
      choose(member, e.currentTarget.value);
      return true;
    }
    if (e.key === "Escape") {
      e.preventDefault();
      setQuery(null);
      return true;
    }
    return false;
  };

  const inputProps = {
    role: "combobox" as const,
    "aria-autocomplete": "list" as const,
    "aria-expanded": open,
    "aria-controls": listId,
    "aria-activedescendant": open ? `${listId}-${active}` : undefined,
    onSelect: (e: React.SyntheticEvent<HTMLTextAreaElement>) => track(e.currentTarget),
    onInput: (e: React.FormEvent<HTMLTextAreaElement>) => track(e.currentTarget),
  };

  const list = (value: () => string) => (
    <ul
      id={listId}
      role="listbox"
      aria-label={t("suggestions")}
      hidden={!open}
      className="max-h-56 overflow-y-auto rounded-md border border-slate-300 bg-white text-sm shadow"
    >
      {matches.map((m, i) => (
        <li
          key={m.id}
          id={`${listId}-${i}`}
          role="option"
          aria-selected={i === active}
          onMouseDown={(e) => {
            e.preventDefault();
            choose(m, value());
          }}
          className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-brand-50 text-brand-900" : ""}`}
        >
          <span className="font-medium">{m.name}</span> <span className="text-slate-600">{m.email}</span>
        </li>
      ))}
    </ul>
  );

  return { inputProps, onKeyDown, list };
}
