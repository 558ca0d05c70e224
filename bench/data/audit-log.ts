import { createHash } from 'node:crypto';
import { demoStaff } from '../../seeds/demo-staff';
import type { Random } from '../../seeds/random';
import type { Authority } from '../../src/authz/vocabulary';
import { textArrayLiteral, type TableWriter } from './bulk-loader';
import { AS_OF, HISTORY_DAYS, HISTORY_FROM } from './timeline';

/** The chains of one UTC day, as audit_append spreads transactions over them. */
const LANES_PER_DAY = 8;
const GENESIS_HASH = '0'.repeat(64);
const CHILD_READ_FIELDS = ['dateOfBirth', 'ethnicity', 'firstName', 'healthNeeds', 'lastName', 'nhsNumber', 'religion', 'sex'];
const HOUSEHOLD_READ_FIELDS = ['address', 'applicantAges', 'applicantFirstNames', 'applicants', 'dbsOutcome', 'ethnicity'];
const STAGE_STEPS = [
  ['CONSIDERING_ADOPTION', 'SHOULD_BE_PLACED'],
  ['SHOULD_BE_PLACED', 'AUTHORITY_TO_PLACE'],
  ['AUTHORITY_TO_PLACE', 'LINKED'],
  ['MATCH_RECOMMENDED', 'MATCHED'],
  ['MATCHED', 'PLACED'],
  ['PLACED', 'ADOPTED'],
] as const;

/** As the API writes them: a change or refusal names its one subject, a read every record it read (subjectIds). */
type AuditEvent = {
  action: string;
  outcome: 'ALLOWED' | 'REFUSED';
  subjectType: string;
  subjectId: string | null;
  subjectIds: string[] | null;
  fields: string[];
  reason: string | null;
  staffId: string | null;
  roles: string;
  /** As PostgreSQL prints the jsonb (keys by length, then bytes; ", " and ": "), since the hash covers that text. */
  changes: string | null;
};

export type AuditSubjects = { childIds: readonly string[]; childAuthorities: readonly Authority[]; householdIds: readonly string[] };

/**
 * `count` events of the access log, in time order over the history, one per request: a read of sensitive
 * fields of one to four records, a change or a refusal, as the API and its triggers write them. Each
 * chain (UTC day and lane) is hashed exactly as audit_content and audit_append do, so audit_verify()
 * passes; the chain heads are written last.
 */
export async function writeAuditLog(
  random: Random,
  ids: Random,
  count: number,
  subjects: AuditSubjects,
  events: TableWriter,
  heads: TableWriter,
): Promise<void> {
  const chains = new Map<string, { seq: number; hash: string }>();
  const fromMs = Date.parse(`${HISTORY_FROM}T00:00:00Z`);
  const spanMs = Date.parse(`${AS_OF}T18:00:00Z`) - fromMs;
  let written = 0;
  for (let request = 0; written < count; request += 1) {
    const atMs = fromMs + Math.floor((written * spanMs) / count);
    const at = new Date(atMs).toISOString();
    const chain = `${at.slice(0, 10)}/${request % LANES_PER_DAY}`;
    const head = chains.get(chain) ?? { seq: 0, hash: GENESIS_HASH };
    const requestId = ids.uuid();
    const knownChildren = Math.max(
      1,
      Math.min(subjects.childIds.length, Math.ceil(((atMs - fromMs) / 86_400_000 / HISTORY_DAYS) * subjects.childIds.length)),
    );
    for (const event of requestEvents(random, subjects, knownChildren).slice(0, count - written)) {
      head.seq += 1;
      const fields = event.fields.join(',');
      // A read's subjects as PostgreSQL prints a uuid[], which is also how the hash covers them.
      const subjectIds = event.subjectIds && `{${event.subjectIds.join(',')}}`;
      const subjects = event.subjectId ?? subjectIds ?? '';
      const content = [
        chain,
        head.seq,
        at,
        requestId,
        event.staffId ?? '',
        event.roles,
        event.action,
        event.outcome,
        event.subjectType,
        subjects,
        fields,
        event.reason ?? '',
        event.changes ?? '',
        head.hash,
      ].join('|');
      const hash = createHash('sha256').update(content, 'utf8').digest('hex');
      await events.add(
        chain,
        head.seq,
        at,
        requestId,
        event.staffId,
        event.roles,
        event.action,
        event.outcome,
        event.subjectType,
        event.subjectId,
        subjectIds,
        textArrayLiteral(event.fields),
        event.reason,
        event.changes,
        head.hash,
        hash,
      );
      head.hash = hash;
      written += 1;
    }
    chains.set(chain, head);
  }
  for (const [chain, { seq, hash }] of chains) await heads.add(chain, seq, hash);
}

/** What one request logged: reads of children or households, a change, or a refusal. */
function requestEvents(random: Random, subjects: AuditSubjects, knownChildren: number): AuditEvent[] {
  const childIndex = () => random.int(0, knownChildren - 1);
  const kind = random.next();
  if (kind < 0.5) {
    const first = childIndex();
    const authority = subjects.childAuthorities[first]!;
    const actor = demoStaff(`${random.chance(0.5) ? 'adm' : 'ppm'}.${authority.toLowerCase()}`);
    const roles = `${actor.assignments[0]!.role}:${authority}`;
    // An ADM or PPM lead reads only their own authority's children.
    const indexes = [first, ...Array.from({ length: random.int(0, 2) }, childIndex)].filter(
      (i) => subjects.childAuthorities[i] === authority,
    );
    return [
      {
        staffId: actor.id,
        roles,
        action: 'read',
        outcome: 'ALLOWED',
        subjectType: 'Child',
        subjectId: null,
        subjectIds: [...new Set(indexes.map((index) => subjects.childIds[index]!))],
        fields: someOf(random, CHILD_READ_FIELDS),
        reason: `authority ${authority}`,
        changes: null,
      },
    ];
  }
  if (kind < 0.7) {
    const actor = demoStaff(random.pick(['finder.1', 'finder.2']));
    return [
      {
        staffId: actor.id,
        roles: 'FAMILY_FINDER:PARTNERSHIP',
        action: 'read',
        outcome: 'ALLOWED',
        subjectType: 'Household',
        subjectId: null,
        subjectIds: [...new Set(Array.from({ length: random.int(1, 4) }, () => random.pick(subjects.householdIds)))],
        fields: someOf(random, HOUSEHOLD_READ_FIELDS),
        reason: 'partnership-wide role',
        changes: null,
      },
    ];
  }
  const index = childIndex();
  const authority = subjects.childAuthorities[index]!;
  if (kind < 0.95) {
    const [before, after] = random.pick(STAGE_STEPS);
    return [
      {
        staffId: demoStaff(`ppm.${authority.toLowerCase()}`).id,
        roles: `PPM_LEAD:${authority}`,
        action: 'update',
        outcome: 'ALLOWED',
        subjectType: 'Child',
        subjectId: subjects.childIds[index]!,
        subjectIds: null,
        fields: ['stage'],
        reason: null,
        changes: `{"stage": {"after": ${JSON.stringify(after)}, "before": ${JSON.stringify(before)}}}`,
      },
    ];
  }
  const other = authority === 'KENT' ? 'medway' : 'kent';
  return [
    {
      staffId: demoStaff(`adm.${other}`).id,
      roles: `ADM:${other.toUpperCase()}`,
      action: 'read',
      outcome: 'REFUSED',
      subjectType: 'Child',
      subjectId: subjects.childIds[index]!,
      subjectIds: null,
      fields: [],
      reason: 'OTHER_AUTHORITY',
      changes: null,
    },
  ];
}

/** A non-empty, sorted selection of `fields` (the API logs the fields read in sorted order). */
function someOf(random: Random, fields: readonly string[]): string[] {
  const chosen = fields.filter(() => random.chance(0.4));
  return chosen.length ? chosen : [random.pick(fields)];
}
