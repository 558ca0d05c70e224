import { Arg, Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { AuthorityEnum } from '../access/enums';
import type { RequestContext } from '../access/service-context';
import { viewerCanStart } from '../access/viewer-can';
import { MUTATION_ACCESS } from '../authz/mutation-access';
import type { Authority } from '../authz/vocabulary';
import { proposedHousehold } from '../households/steps/create-household';
import { EmergencyAccessRecord } from '../journey/emergency-access.entity';
import { proposedChild } from '../journey/steps/create-child';
import { proposedEmergencyAccess } from '../journey/steps/request-emergency-access';
import { proposedSupportRequest } from '../support/support.service';
import { proposedStaffMember } from './steps/create-staff-member';
import { proposedCover } from './steps/delegate-role';
import { proposedGrant } from './steps/grant-role';

@ObjectType('CreateControls', {
  description:
    'What you may start in an authority now, where no shown record carries the control: each the policy’s answer to its mutation’s question on the record the mutation would create (or act on), as the step asks it.',
})
export class CreateControls {
  @Field({ description: '`createChild`: a child of this authority ("New child").' })
  createChild!: boolean;

  @Field({ description: '`createHousehold`: an adopter household ("New household"); households are partnership-wide.' })
  createHousehold!: boolean;

  @Field({ description: '`recordSupportRequest`: a call for support from a family living in this authority ("New support request").' })
  recordSupportRequest!: boolean;

  @Field({ description: '`createStaffMember`: a member of staff ("New staff member"); staff are partnership-wide.' })
  createStaffMember!: boolean;

  @Field({ description: '`grantRole`: a role held for this authority ("Grant a role").' })
  grantRole!: boolean;

  @Field({ description: '`delegateRole`: acting cover for a role held in its own right ("Delegate"); partnership-wide.' })
  delegateRole!: boolean;

  @Field({
    description:
      '`requestEmergencyAccess`: break glass on a child of this authority out of your reach; false while a review bars you. A child restricted as STAFF_CONNECTED is refused still.',
  })
  requestEmergencyAccess!: boolean;

  @Field({
    description: '`liftEmergencyAccessBar`: lift the bars that reviews of this authority’s emergency accesses set on a member of staff.',
  })
  liftEmergencyAccessBar!: boolean;
}

/** An emergency access of `authority`: the bars its review set are the ones `liftEmergencyAccessBar` may lift. */
const emergencyAccessOf = (authority: Authority): EmergencyAccessRecord => Object.assign(new EmergencyAccessRecord(), { authority });

@Resolver()
export class CreateControlsResolver {
  @Query(() => CreateControls, {
    description:
      'What you may create, and which access administration you may do, in an authority now: the "New …" buttons and the access administrator’s controls, which no record carries (a record’s own controls are its `viewerCan`).',
  })
  viewerCanCreate(
    @Arg('authority', () => AuthorityEnum, { description: 'The authority a screen works in.' }) authority: Authority,
    @Ctx() ctx: RequestContext,
  ): Promise<CreateControls> {
    return viewerCanStart(ctx.ability, {
      createChild: { access: MUTATION_ACCESS.createChild, record: proposedChild(authority) },
      createHousehold: { access: MUTATION_ACCESS.createHousehold, record: proposedHousehold() },
      recordSupportRequest: { access: MUTATION_ACCESS.recordSupportRequest, record: proposedSupportRequest(authority) },
      createStaffMember: { access: MUTATION_ACCESS.createStaffMember, record: proposedStaffMember() },
      grantRole: { access: MUTATION_ACCESS.grantRole, record: proposedGrant(authority) },
      delegateRole: { access: MUTATION_ACCESS.delegateRole, record: proposedCover() },
      requestEmergencyAccess: {
        access: MUTATION_ACCESS.requestEmergencyAccess,
        record: proposedEmergencyAccess(ctx.actor.staffId, authority, null),
      },
      liftEmergencyAccessBar: { access: MUTATION_ACCESS.liftEmergencyAccessBar, record: emergencyAccessOf(authority) },
    });
  }
}
