"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/** Tabs of a team: plans, members, settings. */
export function TeamNav({ teamSlug }: { teamSlug: string }) {
  const t = useTranslations("teamNav");
  const pathname = usePathname();
  const base = `/t/${teamSlug}`;
  const tabs = [
    { href: base, label: t("plans"), isActive: pathname === base || pathname.startsWith(`${base}/plans`) },
    { href: `${base}/dashboard`, label: t("dashboard"), isActive: pathname.startsWith(`${base}/dashboard`) },
    { href: `${base}/diagnostic`, label: t("diagnostic"), isActive: pathname.startsWith(`${base}/diagnostic`) },
    { href: `${base}/my-tasks`, label: t("myTasks"), isActive: pathname.startsWith(`${base}/my-tasks`) },
    { href: `${base}/members`, label: t("members"), isActive: pathname.startsWith(`${base}/members`) },
    { href: `${base}/settings`, label: t("settings"), isActive: pathname.startsWith(`${base}/settings`) },
  ];
  return (
    <nav aria-label={t("label")} className="border-b border-slate-200">
      <ul className="flex gap-1 overflow-x-auto">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.isActive ? "page" : undefined}
              className={`inline-block border-b-2 px-3 py-2 text-sm whitespace-nowrap ${tab.isActive ? "border-brand-600 font-medium text-brand-800" : "border-transparent text-slate-700 hover:text-slate-900"}`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
