import { ROLE_SCOPE, SEPARATE_DUTIES } from '../../src/authz/role-holding';

/** Where each role is held (docs/domain.md, "The roles"), and which roles one person never holds on the same day. */
describe('where a role is held', () => {
  it('an ADM and an auditor for an authority or the partnership; a PPM lead for an authority; a panel member on a panel; the rest partnership-wide', () => {
    expect(ROLE_SCOPE).toStrictEqual({
      ADM: 'EITHER',
      PPM_LEAD: 'AUTHORITY',
      FAMILY_FINDER: 'PARTNERSHIP',
      PANEL_MEMBER: 'PANEL',
      BOARD_DIRECTOR: 'PARTNERSHIP',
      SUPPORT_WORKER: 'PARTNERSHIP',
      AUDITOR: 'EITHER',
      ACCESS_ADMIN: 'PARTNERSHIP',
    });
  });

  it('no one is both a decision maker and a member of the panel that recommends to them (reg 30B(3))', () => {
    expect(SEPARATE_DUTIES).toStrictEqual({ ADM: 'PANEL_MEMBER', PANEL_MEMBER: 'ADM' });
  });
});
