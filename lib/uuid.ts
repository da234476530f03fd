// A uuid as PostgreSQL prints one. Checked before an id from a URL or a form reaches a
// query, so a malformed one finds nothing instead of failing the query.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);
