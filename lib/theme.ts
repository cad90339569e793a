import "server-only";
import { cookies } from "next/headers";
import type { ThemeChoice } from "@/components/shell/theme-toggle";

const CHOICES: readonly ThemeChoice[] = ["system", "light", "dark"];

/** The theme chosen with the toggle (cookie), or "system" to follow the device. */
export async function getThemeChoice(): Promise<ThemeChoice> {
  const value = (await cookies()).get("pathwise-theme")?.value;
  return CHOICES.find((c) => c === value) ?? "system";
}
