import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 px-4 py-16">
      <h1 className="text-xl font-semibold">404</h1>
      <p>{t("notFound")}</p>
      <Link href="/teams" className="text-brand-700 underline">
        {t("backHome")}
      </Link>
    </main>
  );
}
