import { afterAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { cleanupTestData, randomHex, randomIp, track } from "@/lib/testing/factories";
import { createUser } from "./create-user";

afterAll(cleanupTestData);

const PASSWORD = "correct horse battery";

/** A unique mixed-case address, tracked (lower-cased) for cleanup. */
function mixedCaseEmail(): string {
  const email = `Ada.Lovelace-${randomHex()}@Example.COM`;
  track({ email });
  return email;
}

/** The AppError createUser threw, or a failure when it did not throw one. */
async function rejection(input: unknown): Promise<AppError> {
  const error = await createUser({ input }).then(
    (user) => {
      track({ userId: user.id });
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("createUser", () => {
  it("creates the user with a lower-cased email, an argon2id hash and a user.signed_up event", async () => {
    const email = mixedCaseEmail();
    const ip = randomIp();
    const user = await createUser({ input: { name: "  Ada Lovelace ", email: `  ${email} `, password: PASSWORD }, ip });
    track({ userId: user.id });
    expect(user.email).toBe(email.toLowerCase());

    const row = await db.user.findUniqueOrThrow({
      where: { id: user.id },
      select: { email: true, name: true, passwordHash: true },
    });
    expect(row.email).toBe(email.toLowerCase());
    expect(row.name).toBe("Ada Lovelace");
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(row.passwordHash, PASSWORD)).toBe(true);
    const events = await db.activityEvent.findMany({ where: { actorId: user.id } });
    expect(events).toEqual([
      expect.objectContaining({ kind: "user.signed_up", entityType: "user", entityId: user.id, ip }),
    ]);
  });

  it("refuses an email that is taken in another case with VALIDATION on the email field", async () => {
    const email = mixedCaseEmail();
    const first = await createUser({ input: { name: "First", email, password: PASSWORD } });
    track({ userId: first.id });
    const error = await rejection({ name: "Second", email: email.toUpperCase(), password: PASSWORD });
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.email).toHaveLength(1);
    expect(await db.user.count({ where: { email: email.toLowerCase() } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { id: first.id } })).name).toBe("First");
  });

  it.each([
    ["shorter than 10 characters", "abc123XYZ"],
    ["of too few distinct characters", "aaaaaaaaaaaa"],
  ])("refuses a password %s and creates nothing", async (_label, password) => {
    const email = mixedCaseEmail();
    const error = await rejection({ name: "Weak", email, password });
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.password?.length).toBeGreaterThan(0);
    expect(await db.user.count({ where: { email: email.toLowerCase() } })).toBe(0);
  });
});
