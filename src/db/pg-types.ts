import { types } from 'pg';

const DATE_OID = 1082;

/**
 * A `date` is a calendar day, not an instant: keep it as 'YYYY-MM-DD' rather than let pg turn it
 * into a JS Date at local midnight (which shifts the day in any zone west of UTC).
 */
types.setTypeParser(DATE_OID, (value) => value);
