import { subject as tagged } from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import { defineAbilityFor } from '../../src/authz/define-ability';
import { HOUSEHOLD_ITEM_KINDS, scopeFacts, type OpenAgendaItem } from '../../src/authz/facts';
import { allFieldsOf, loggedReadFields, type GuardedSubject } from '../../src/authz/field-classes';
import { actorOf } from '../helpers/actors';

/**
 * The access rules UK adoption law sets (docs/domain.md, "Statutory grounds"), on the ability itself: what the
 * facts of an open agenda item open, by the item's kind.
 */
const TODAY = '2026-11-20';
const CHILD = '00000000-0000-4000-8000-00000000c001';
const HOUSEHOLD = '00000000-0000-4000-8000-00000000f001';
const item = (kind: OpenAgendaItem['kind'], childId: string | null): OpenAgendaItem => ({
  id: '00000000-0000-4000-8000-00000000a001',
  kind,
  childId,
  householdId: HOUSEHOLD,
  matchId: kind === 'MATCH' ? '00000000-0000-4000-8000-00000000b001' : null,
});

function readable(username: string, items: OpenAgendaItem[], subjectType: GuardedSubject, id: string): string[] {
  const ability = defineAbilityFor(actorOf(username), scopeFacts([], items), TODAY);
  const all = allFieldsOf(subjectType);
  return permittedFieldsOf(ability, 'read', tagged(subjectType, { id }), { fieldsFrom: (rule) => rule.fields ?? all });
}

describe('the panel considering a match reads the child’s permanence report (AAR 2005 reg 32)', () => {
  it('a MATCH item opens the child’s birth-family class to its panel', () => {
    expect(readable('panel.2', [item('MATCH', CHILD)], 'Child', CHILD)).toContain('birthFamilyBackground');
  });

  it.each(HOUSEHOLD_ITEM_KINDS)('an item of kind %s does not open it, even were it to name a child', (kind) => {
    const fields = readable('panel.2', [item(kind, CHILD)], 'Child', CHILD);
    expect(fields).toContain('firstName');
    expect(fields).not.toContain('birthFamilyBackground');
  });

  it('the panel’s identity of the child stays first name and age', () => {
    const fields = readable('panel.1', [item('MATCH', CHILD)], 'Child', CHILD);
    for (const field of ['lastName', 'dateOfBirth', 'nhsNumber']) expect(fields).not.toContain(field);
  });
});

describe('DBS outcomes are criminal-offence data (UK GDPR Art. 10)', () => {
  it.each(HOUSEHOLD_ITEM_KINDS)('an item of kind %s opens the household’s DBS outcome to its panel', (kind) => {
    expect(readable('panel.2', [item(kind, null)], 'Household', HOUSEHOLD)).toContain('dbsOutcome');
  });

  it('a MATCH item does not', () => {
    const fields = readable('panel.2', [item('MATCH', CHILD)], 'Household', HOUSEHOLD);
    expect(fields).toContain('dbsChecksComplete');
    expect(fields).not.toContain('dbsOutcome');
  });

  it.each([
    ['adm.raa', true],
    ['finder.1', false],
    ['adm.kent', false],
    ['ppm.kent', false],
  ])('%s reads it: %s', (username, reads) => {
    const ability = defineAbilityFor(actorOf(username), scopeFacts([], []), TODAY);
    const household = tagged('Household', { id: HOUSEHOLD, proposedFor: ['KENT'] });
    expect(ability.can('read', household, 'dbsOutcome')).toBe(reads);
  });

  it('the access log records every read of it, like every other classified field', () => {
    expect(loggedReadFields().Household).toContain('dbsOutcome');
  });
});

describe('the ADM deciding a match or an approval reads the panel’s recommendation, its reasons and the meeting’s date (AAR 2005 regs 30B and 33)', () => {
  const recommendation = (kind: OpenAgendaItem['kind'], childAuthority: string | null) =>
    tagged('PanelRecommendationView', { kind, childAuthority, panelId: '9a9e1000-0000-4000-8000-000000000003' });
  const ability = (username: string) => defineAbilityFor(actorOf(username), scopeFacts([], []), TODAY);

  it('the child’s authority’s ADM reads the recommendation on its matches, and no other', () => {
    expect(ability('adm.kent').can('read', recommendation('MATCH', 'KENT'))).toBe(true);
    expect(ability('adm.kent').can('read', recommendation('MATCH', 'MEDWAY'))).toBe(false);
    for (const kind of HOUSEHOLD_ITEM_KINDS) expect(ability('adm.kent').can('read', recommendation(kind, null))).toBe(false);
  });

  it('the partnership ADM reads the recommendations on households, not on matches', () => {
    for (const kind of HOUSEHOLD_ITEM_KINDS) expect(ability('adm.raa').can('read', recommendation(kind, null))).toBe(true);
    expect(ability('adm.raa').can('read', recommendation('MATCH', 'KENT'))).toBe(false);
  });

  it.each(['adm.kent', 'adm.raa'])('panels, meetings and agenda items stay out of reach of %s', (username) => {
    for (const subjectType of ['Panel', 'PanelMeeting', 'AgendaItem'] as const)
      expect(ability(username).can('read', subjectType)).toBe(false);
  });
});

describe('fostering for adoption is possible while adoption is only being considered (Children Act 1989 s22C(9A)(a))', () => {
  const household = (earlyPermanence: boolean, stage: string) =>
    tagged('Household', { id: HOUSEHOLD, earlyPermanence, stage, proposedFor: [] });
  const fieldsFor = (username: string, record: object) => {
    const ability = defineAbilityFor(actorOf(username), scopeFacts([], []), TODAY);
    return permittedFieldsOf(ability, 'read', record, { fieldsFrom: (rule) => rule.fields ?? allFieldsOf('Household') });
  };

  it.each(['APPROVED', 'MATCHED'])('a PPM lead reads the case fields of dually approved carers (%s), to name them', (stage) => {
    const fields = fieldsFor('ppm.kent', household(true, stage));
    expect(fields).toContain('reference');
    expect(fields).not.toContain('address');
    expect(fields).not.toContain('dbsOutcome');
  });

  it.each([
    ['adopters not approved as foster carers', false, 'APPROVED'],
    ['dual approval still being assessed', true, 'STAGE_2'],
  ])('but not of %s', (_case, earlyPermanence, stage) => {
    expect(fieldsFor('ppm.kent', household(earlyPermanence, stage))).toEqual([]);
  });
});
