import "server-only";
// The app's secret key: keys the IP and email hashes and derives confirmation tokens.
// From APP_SECRET, or generated once and kept in the data directory (0600), so
// restarts and a second local instance use the same key.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: Buffer | undefined;

export function appSecret(): Buffer {
  if (cached) return cached;
  if (env.APP_SECRET) return (cached = Buffer.from(env.APP_SECRET, "utf8"));
  if (env.DATA_DIR.startsWith("memory://")) return (cached = crypto.randomBytes(32));
  const file = path.join(env.DATA_DIR, "secret.key");
  fs.mkdirSync(env.DATA_DIR, { recursive: true });
  try {
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return (cached = Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64"));
}

/** A keyed hash: the same input gives the same output, and without the key nothing can be reversed. */
export function keyedHash(purpose: string, value: string): string {
  return crypto.createHmac("sha256", appSecret()).update(`${purpose}\0${value}`).digest("base64url");
}

export function sha256(value: string): string {
  return crypto.createHash("sha256").update(value).digest("base64url");
}
