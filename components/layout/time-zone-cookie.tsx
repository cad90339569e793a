"use client";

import { useRouter } from "next/navigation";
import { useTimeZone } from "next-intl";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/i18n/time-zone";

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/**
 * Tells the server the browser's time zone: a cookie read by lib/i18n/request.ts. Set on the first visit (and
 * when the zone changes, e.g. after travel); a page rendered in another zone then re-renders once.
 */
export function TimeZoneCookie() {
  const router = useRouter();
  const shownIn = useTimeZone();
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const current = document.cookie
      .split("; ")
      .find((c) => c.startsWith(`${TIME_ZONE_COOKIE}=`))
      ?.slice(TIME_ZONE_COOKIE.length + 1);
    if (current !== undefined && decodeURIComponent(current) === zone) return;
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; path=/; max-age=${ONE_YEAR_S}; samesite=lax${secure}`;
    // Re-render only when this page was rendered in another zone than the browser's.
    if (shownIn !== zone) router.refresh();
  }, [router, shownIn]);
  return null;
}
