import type { FormState } from "@/lib/auth/guard";

// The starting state of a workspace form (guard.ts's `idle`, which client components cannot import).
export const idleForm: FormState = { status: "idle" };
