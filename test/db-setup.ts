// Every database test file gets a clean database: a fresh in-memory PGlite by
// default, or a new database on the server named by DATABASE_URL (dropped after).
// The environment is set here, before any app module reads it.
import crypto from "node:crypto";
import { afterAll } from "vitest";
import postgres from "postgres";

process.env.JOBS = "off";
// Mail is kept, never sent (a test that wants Resend sets RESEND_API_KEY, which wins);
// needed on PostgreSQL, where the app otherwise refuses to run without a mail choice.
process.env.MAIL_CAPTURE ??= "on";
process.env.APP_SECRET ??= crypto.randomBytes(32).toString("hex");

const serverUrl = process.env.DATABASE_URL;
let dropDatabase: (() => Promise<void>) | undefined;

if (serverUrl) {
  const name = `cut_ties_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await a.unsafe(`drop database if exists ${name} with (force)`);
    await a.end();
  };
} else {
  process.env.DATA_DIR = "memory://";
}

afterAll(async () => {
  const { stopBoss } = await import("@/lib/jobs/boss");
  const { closeDatabase } = await import("@/db/client");
  await stopBoss();
  await closeDatabase();
  await dropDatabase?.();
});
