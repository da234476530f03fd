// Requests to delete a signer's data, confirmed through an emailed link. A request
// lives at most a day and is removed once carried out.
import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const dataDeletionRequests = pgTable("data_deletion_requests", {
  id: uuid("id").primaryKey().defaultRandom(),
  emailCanonical: text("email_canonical").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
