import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword } from "@/lib/auth/password";
import { signUpSchema } from "@/lib/validation/auth";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { msg } from "@/lib/i18n/error-text";
import { userEventRow } from "@/lib/events/record";

/** Creates an account; a taken email is a VALIDATION error on the email field. */
export async function createUser({ input, ip }: { input: unknown; ip?: string }) {
  const parsed = signUpSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION", { fieldErrors: fieldErrorsOf(parsed.error) });
  }
  const { name, email, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { name, email, passwordHash }, select: { id: true, email: true } });
      await tx.activityEvent.create({
        data: userEventRow({ userId: user.id, ip }, { kind: "user.signed_up" }),
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("VALIDATION", { fieldErrors: { email: [msg("emailTaken")] } });
    }
    throw error;
  }
}
