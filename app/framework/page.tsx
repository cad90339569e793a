import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/layout/app-header";
import { LanguageSwitcher } from "@/components/layout/language-switcher";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/session";
import { frameworkView } from "@/lib/catalog/framework";
import { countUnread } from "@/lib/notifications/notifications";
import { findTeamsOfUser } from "@/lib/teams/find-teams";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("framework");
  return { title: t("title") };
}

const anchorClass = "scroll-mt-4";

/** The paper's framework explained, public, in the reader's language; every code has its own anchor (#D3, #P1, #R3, #R3.1). */
export default async function FrameworkPage() {
  const [t, locale, user] = await Promise.all([
    getTranslations("framework"),
    getLocale(),
    getCurrentUser().catch(() => null),
  ]);
  const view = frameworkView(locale);
  const signedInHeader = user ? (
    <AppHeader
      userName={user.name}
      teams={await findTeamsOfUser({ userId: user.id })}
      unread={await countUnread({ userId: user.id })}
    />
  ) : null;
  return (
    <>
      {signedInHeader}
      <div className="mx-auto flex max-w-4xl flex-col gap-6 px-4 py-6">
        {user ? null : (
          <header className="flex flex-wrap items-center justify-between gap-3">
            <Link href="/" className="text-lg font-bold text-brand-800">
              {t("back")}
            </Link>
            <div className="flex items-center gap-2">
              <LanguageSwitcher />
              <Link href="/sign-in" className="rounded-md px-2 py-1 text-sm text-brand-700 hover:bg-slate-100">
                {t("signIn")}
              </Link>
            </div>
          </header>
        )}
        <main id="main" className="flex flex-col gap-8">
          <section className="flex flex-col gap-3">
            <h1 className="text-2xl font-semibold">{t("title")}</h1>
            <p className="text-slate-700">{t("intro")}</p>
            <Card className="flex flex-col gap-1 text-sm">
              <h2 className="font-medium">{t("source")}</h2>
              <p>{t("citation", view.paper)}</p>
              <p className="text-slate-600">
                {t("license", { license: view.paper.license })}{" "}
                <a href={view.paper.licenseUrl} className="break-all text-brand-700 underline" rel="license">
                  {view.paper.licenseUrl}
                </a>
              </p>
            </Card>
            <nav aria-label={t("contents")} className="text-sm">
              <ul className="flex flex-wrap gap-x-4 gap-y-1">
                <li>
                  <a href="#dilemmas" className="text-brand-700 underline">
                    {t("dilemmas.heading")}
                  </a>
                </li>
                <li>
                  <a href="#paths" className="text-brand-700 underline">
                    {t("paths.heading")}
                  </a>
                </li>
                <li>
                  <a href="#areas" className="text-brand-700 underline">
                    {t("areas.heading")}
                  </a>
                </li>
                <li>
                  <a href="#weights" className="text-brand-700 underline">
                    {t("weights.heading")}
                  </a>
                </li>
              </ul>
            </nav>
          </section>

          <section aria-labelledby="dilemmas" className="flex flex-col gap-3">
            <h2 id="dilemmas" className={`text-xl font-semibold ${anchorClass}`}>
              {t("dilemmas.heading")}
            </h2>
            {view.dilemmas.map((d) => (
              <Card key={d.code} className="flex flex-col gap-2">
                <section aria-labelledby={d.code} className="flex flex-col gap-2">
                  <h3 id={d.code} className={`font-semibold ${anchorClass}`}>
                    {d.code} · {d.name} <span className="text-sm font-normal text-slate-500">{d.section}</span>
                  </h3>
                  <p className="text-sm text-slate-800">{d.summary}</p>
                  <div className="text-sm">
                    <h4 className="font-medium">{t("dilemmas.addressedBy")}</h4>
                    <ul className="mt-1 flex flex-wrap gap-1">
                      {d.templates.map((tpl) => (
                        <li key={tpl.key}>
                          <a
                            href={`#${tpl.key}`}
                            className="rounded bg-slate-100 px-1.5 py-0.5 text-xs hover:bg-slate-200"
                          >
                            {t("weights.chip", { code: tpl.key, weight: tpl.weight })}
                          </a>
                        </li>
                      ))}
                    </ul>
                  </div>
                  <div className="text-sm">
                    <h4 className="font-medium">{t("dilemmas.indicators")}</h4>
                    <ul className="mt-1 list-disc pl-5 text-slate-700">
                      {d.indicators.map((name) => (
                        <li key={name}>{name}</li>
                      ))}
                    </ul>
                  </div>
                </section>
              </Card>
            ))}
          </section>

          <section aria-labelledby="weights" className="flex flex-col gap-2">
            <h2 id="weights" className={`text-xl font-semibold ${anchorClass}`}>
              {t("weights.heading")}
            </h2>
            <Card className="flex flex-col gap-2 text-sm">
              <p>{t("weights.intro")}</p>
              <ul className="list-disc pl-5">
                <li>{t("weights.w3")}</li>
                <li>{t("weights.w2")}</li>
                <li>{t("weights.w1")}</li>
              </ul>
              <p>{t("weights.formula")}</p>
            </Card>
          </section>

          <section aria-labelledby="paths" className="flex flex-col gap-3">
            <h2 id="paths" className={`text-xl font-semibold ${anchorClass}`}>
              {t("paths.heading")}
            </h2>
            <div className="grid gap-3 md:grid-cols-2">
              {view.paths.map((p) => (
                <Card key={p.code} className="flex flex-col gap-2">
                  <section aria-labelledby={p.code} className="flex flex-col gap-2">
                    <h3 id={p.code} className={`font-semibold ${anchorClass}`}>
                      {p.code} · {p.name} <span className="text-sm font-normal text-slate-500">{p.section}</span>
                    </h3>
                    <p className="text-sm text-slate-600">{t("paths.focus", { focus: p.focus })}</p>
                    <p className="text-sm text-slate-800">{p.explanation}</p>
                    <div className="text-sm">
                      <h4 className="font-medium">{t("paths.templates")}</h4>
                      <ul className="mt-1 flex flex-wrap gap-1">
                        {p.templates.map((key) => (
                          <li key={key}>
                            <a href={`#${key}`} className="rounded bg-blue-50 px-1.5 py-0.5 text-xs hover:bg-blue-100">
                              {key}
                            </a>
                          </li>
                        ))}
                      </ul>
                    </div>
                  </section>
                </Card>
              ))}
            </div>
          </section>

          <section aria-labelledby="areas" className="flex flex-col gap-3">
            <h2 id="areas" className={`text-xl font-semibold ${anchorClass}`}>
              {t("areas.heading")}
            </h2>
            {view.areas.map((a) => (
              <Card key={a.code} className="flex flex-col gap-3">
                <section aria-labelledby={a.code} className="flex flex-col gap-3">
                  <h3 id={a.code} className={`text-lg font-semibold ${anchorClass}`}>
                    {a.code} · {a.name} <span className="text-sm font-normal text-slate-500">{a.section}</span>
                  </h3>
                  <p className="text-sm text-slate-800">{a.explanation}</p>
                  <h4 className="text-sm font-medium">{t("areas.templates")}</h4>
                  <ul className="flex flex-col divide-y divide-slate-100">
                    {a.templates.map((tpl) => (
                      <li key={tpl.key} id={tpl.key} className={`flex flex-col gap-1 py-3 ${anchorClass}`}>
                        <p className="text-sm font-medium">
                          <span className="mr-2 font-mono text-xs text-slate-500">{tpl.key}</span>
                          {tpl.text}
                        </p>
                        <dl className="grid gap-x-3 gap-y-1 text-xs text-slate-700 sm:grid-cols-[max-content_1fr]">
                          <dt className="font-medium">{t("template.addresses")}</dt>
                          <dd className="flex flex-wrap gap-1">
                            {tpl.weights.map((w) => (
                              <a key={w.code} href={`#${w.code}`} className="hover:underline">
                                <Badge>
                                  {t("weights.chip", { code: w.code, weight: w.weight })} ·{" "}
                                  {t(`weights.levels.${w.weight}`)} · {w.name}
                                </Badge>
                              </a>
                            ))}
                          </dd>
                          <dt className="font-medium">{t("template.path")}</dt>
                          <dd>
                            <a href={`#${tpl.path.code}`} className="hover:underline">
                              <Badge tone="blue">
                                {tpl.path.code} · {tpl.path.name}
                              </Badge>
                            </a>
                          </dd>
                          <dt className="font-medium">{t("template.provenance")}</dt>
                          <dd>{tpl.sections.join(" ")}</dd>
                          <dt className="font-medium">{t("template.why")}</dt>
                          <dd className="text-slate-800">{tpl.description}</dd>
                        </dl>
                      </li>
                    ))}
                  </ul>
                </section>
              </Card>
            ))}
          </section>
        </main>
      </div>
    </>
  );
}
