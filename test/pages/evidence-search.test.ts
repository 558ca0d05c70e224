import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PolicyEvidence } from '../../src/audit/policy-evidence';
import { searchRows } from '../../src/pages/audit/evidence-search';
import { ukDayEnd, ukDayStart } from '../../src/pages/audit/uk-days';

const evidence = JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'policy-evidence.json'), 'utf8')) as PolicyEvidence;

describe('searching the policy evidence', () => {
  it('"Kent ADM Medway child" finds "a Kent ADM cannot read a Medway child", whatever the order and case of the words', () => {
    expect(searchRows(evidence.rows, 'Kent ADM Medway child').map((r) => r.sentence)).toEqual(['a Kent ADM cannot read a Medway child']);
    expect(searchRows(evidence.rows, 'child medway kent').map((r) => r.id)).toEqual(['adm-kent/read/Child/medway-child']);
  });

  it('finds rows by reason code, rule and the proving test’s outcome', () => {
    expect(searchRows(evidence.rows, 'ROLE_MAY_NOT_READ').map((r) => r.id)).toEqual(['board/read/Child']);
    expect(searchRows(evidence.rows, 'failed').map((r) => r.id)).toEqual(['board/read/Child']);
  });

  it('an empty search lists every row', () => {
    expect(searchRows(evidence.rows, '  ')).toHaveLength(evidence.rows.length);
  });
});

describe('the access log’s periods are UK days', () => {
  it('a winter day starts at midnight GMT, a summer day at 23:00 UTC the evening before', () => {
    expect(ukDayStart('2026-01-15')).toBe('2026-01-15T00:00:00.000Z');
    expect(ukDayStart('2026-07-15')).toBe('2026-07-14T23:00:00.000Z');
    expect(ukDayEnd('2026-07-15')).toBe('2026-07-15T23:00:00.000Z');
  });
});
