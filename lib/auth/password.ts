import "server-only";
import { hash, verify } from "@node-rs/argon2";

/** argon2id hash of a password (the library's default algorithm). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Whether the password matches the hash; false for a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;
/** A hash to verify against for unknown emails. */
export function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("pathwise-timing-equaliser");
  return dummyHash;
}
