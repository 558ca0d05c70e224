import type { SurvivingMutant } from '../../src/audit/policy-evidence';

/**
 * Every mutant of src/authz/ a mutation run (`npm run evidence:mutation`) left alive, and what became of it: killed
 * since by the test named, or equivalent to the policy, with the reason no test can tell them apart. A mutant is keyed
 * by its file, line, mutator and replacement, so the reasons hold across runs; a survivor not listed here shows as
 * unexplained in the evidence.
 */
export type ExplainedMutant = Omit<SurvivingMutant, 'status'> & { status: Exclude<SurvivingMutant['status'], 'unexplained'> };

const EMERGENCY = 'src/authz/policies/emergency-access.policy.ts';
const RESTRICTED = 'src/authz/policies/restricted-records.policy.ts';
const PANEL = 'src/authz/policies/panel-member.policy.ts';
const PPM = 'src/authz/policies/ppm-lead.policy.ts';
const ROLE_HOLDING = 'src/authz/role-holding.ts';

const killed = (file: string, line: number, mutator: string, replacement: string, test: string): ExplainedMutant => ({
  file,
  line,
  mutator,
  replacement,
  status: 'killed by a new test',
  reason: test,
});
const equivalent = (file: string, line: number, mutator: string, replacement: string, reason: string): ExplainedMutant => ({
  file,
  line,
  mutator,
  replacement,
  status: 'equivalent',
  reason,
});

/** Why widening the seal's denial (restricted-records.policy.ts) changes nothing. */
const SEAL_FOR_AN_ADM =
  'the seal’s denial leaves out the children of the ADM’s own authority and those named to them, which are all an ADM without an emergency access reads, and narrows nothing for a role that reads no child: added for them too, it changes no decision';
/** Why `grants()` answering yes more often changes nothing. */
const GRANTS_MORE_OFTEN =
  'grants() only keeps the restrictions from adding denials of actions no rule grants; answering yes more often (every role holds rules on other actions and subjects) adds such denials, which decide nothing';

export const SURVIVING_MUTANTS: ExplainedMutant[] = [
  equivalent(
    EMERGENCY,
    37,
    'ConditionalExpression',
    'false',
    'with no live emergency access the rules it would add ask for an id in an empty list, which no record meets',
  ),
  killed(
    EMERGENCY,
    48,
    'StringLiteral',
    '""',
    'break-glass: asking for it — the bar is on breaking glass for themselves, and on nothing else',
  ),
  killed(
    EMERGENCY,
    48,
    'ObjectLiteral',
    '{}',
    'break-glass: asking for it — the bar is on breaking glass for themselves, and on nothing else',
  ),
  equivalent(
    EMERGENCY,
    50,
    'ConditionalExpression',
    'true',
    'for one who reviews no emergency access, a denial of reviewing their own narrows no grant',
  ),
  killed(
    EMERGENCY,
    50,
    'MethodExpression',
    'actor.assignments.every(reviews)',
    'break-glass: reviewing it — an ADM who is also a family finder reviews the others’ accesses, never their own',
  ),
  killed(
    RESTRICTED,
    34,
    'MethodExpression',
    'actor.assignments.every(a => NAMEABLE_ROLES.includes(a.role))',
    'restricted records — a member of staff who holds no role today reads nothing, not even a child whose restriction names them',
  ),
  equivalent(
    RESTRICTED,
    45,
    'MethodExpression',
    'among',
    'a denial of an action no rule grants decides nothing; the filter keeps such denials out of the rules a front end receives',
  ),
  equivalent(RESTRICTED, 46, 'ConditionalExpression', 'false', 'a denial of no action denies nothing'),
  equivalent(RESTRICTED, 48, 'ConditionalExpression', 'true', 'a denial given no reason has none, as before'),
  killed(
    RESTRICTED,
    55,
    'StringLiteral',
    '""',
    'restricted records — a child restricted whole is out of its own authority’s PPM lead’s reach, to read or to write',
  ),
  killed(
    RESTRICTED,
    60,
    'StringLiteral',
    '""',
    'restricted records — a child restricted whole is out of its own authority’s PPM lead’s reach, to read or to write',
  ),
  equivalent(RESTRICTED, 66, 'ConditionalExpression', 'true', SEAL_FOR_AN_ADM),
  equivalent(
    RESTRICTED,
    66,
    'LogicalOperator',
    "grants(builder, 'read', 'Child') || emergency.length > 0 || actor.assignments.some(a => a.role !== 'ADM')",
    SEAL_FOR_AN_ADM,
  ),
  equivalent(RESTRICTED, 66, 'EqualityOperator', 'emergency.length >= 0', SEAL_FOR_AN_ADM),
  equivalent(RESTRICTED, 66, 'StringLiteral', '""', SEAL_FOR_AN_ADM),
  killed(
    RESTRICTED,
    66,
    'MethodExpression',
    "actor.assignments.every(a => a.role !== 'ADM')",
    'restricted records — an ADM who is also another authority’s PPM lead reads a sealed child of that authority without identity or birth family',
  ),
  equivalent(
    RESTRICTED,
    70,
    'StringLiteral',
    '""',
    'the reason of a denial of fields is read by no one: a field out of reach is null and named in redactedFields, and a refusal names the reason of a denied action only',
  ),
  equivalent(RESTRICTED, 77, 'ConditionalExpression', 'true', GRANTS_MORE_OFTEN),
  equivalent(RESTRICTED, 77, 'EqualityOperator', 'value !== item', GRANTS_MORE_OFTEN),
  equivalent(RESTRICTED, 78, 'ConditionalExpression', 'true', GRANTS_MORE_OFTEN),
  equivalent(
    RESTRICTED,
    78,
    'LogicalOperator',
    '!rule.inverted && has(rule.action, action) || has(rule.subject, subject)',
    GRANTS_MORE_OFTEN,
  ),
  equivalent(RESTRICTED, 78, 'LogicalOperator', '!rule.inverted || has(rule.action, action)', GRANTS_MORE_OFTEN),
  killed(
    'src/authz/facts.ts',
    70,
    'ArrayDeclaration',
    '["Stryker was here"]',
    'what the facts hold — no facts: nothing allocated, on an agenda, heard, declared, named or reached, and no bar',
  ),
  killed(
    'src/authz/facts.ts',
    71,
    'ArrayDeclaration',
    '["Stryker was here"]',
    'what the facts hold — no facts: nothing allocated, on an agenda, heard, declared, named or reached, and no bar',
  ),
  killed(
    'src/authz/policies/adm.policy.ts',
    45,
    'StringLiteral',
    '""',
    'knock-on writes — a Kent ADM cannot move a household linked only with a Medway child',
  ),
  killed(
    PANEL,
    29,
    'ConditionalExpression',
    'false',
    'a role held where it cannot be — a panel role on no panel grants nothing of the role',
  ),
  equivalent(
    PANEL,
    37,
    'ConditionalExpression',
    'true',
    'the adviser reads every household’s decisions and stage events anyway (what awaits panel)',
  ),
  equivalent(PANEL, 37, 'StringLiteral', '""', 'the adviser reads every household’s decisions and stage events anyway (what awaits panel)'),
  killed(PANEL, 58, 'StringLiteral', '""', 'role tables — a panel member cannot declare an interest in another panel’s item'),
  killed(PANEL, 72, 'StringLiteral', '""', 'role tables — a chair cannot recommend on another panel’s item'),
  killed(PANEL, 74, 'StringLiteral', '""', 'knock-on writes — a chair cannot move a match on no agenda of theirs'),
  killed(PANEL, 75, 'StringLiteral', '""', 'knock-on writes — a chair cannot move a child on no agenda of theirs'),
  killed(
    PPM,
    15,
    'ConditionalExpression',
    'false',
    'a role held where it cannot be — a PPM lead’s role held for no authority grants nothing of the role',
  ),
  killed(PPM, 22, 'StringLiteral', '""', 'knock-on writes — a Kent PPM lead cannot record the status of a Medway child’s match'),
  killed(PPM, 23, 'StringLiteral', '""', 'knock-on writes — a Kent PPM lead cannot move a household linked only with a Medway child'),
  ...[5, 6, 8, 9, 10, 11, 12, 22].map((line) =>
    killed(ROLE_HOLDING, line, 'StringLiteral', '""', 'where a role is held — and which roles one person never holds on the same day'),
  ),
  killed(
    ROLE_HOLDING,
    22,
    'ObjectLiteral',
    '{}',
    'where a role is held — no one is both a decision maker and a member of the panel that recommends to them',
  ),
];
