/**
 * The database role every request runs as (`SET LOCAL ROLE`): NOLOGIN, owning nothing, subject to
 * Row-Level Security even when the API logs in as a superuser (policies in schema/schema.sql).
 */
export const REQUEST_ROLE = 'apse_app';
