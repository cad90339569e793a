import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./postgres";

/** AUTH_SECRET from the environment, else one generated once into .data/auth-secret (shared by every local instance). */
export function loadAuthSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const dir = path.join(ROOT, ".data");
  const file = path.join(dir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}
