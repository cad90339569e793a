import "server-only";
import { db } from "@/lib/db";

/** Whether an account exists for an email (used where the asker already holds a token for it). */
export async function hasAccountFor(email: string): Promise<boolean> {
  return (await db.user.count({ where: { email } })) > 0;
}
