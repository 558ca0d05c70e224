/**
 * The legal order of the child's journey (docs/domain.md, "The child's journey"; also the DfE data-return
 * validation rules).
 * Each message names the rule it states; services throw them as BAD_USER_INPUT (or CONFLICT for a
 * one-off step recorded twice).
 */
export const RULES = {
  planAfterCare: 'the adoption plan decision is on or after the day the child entered care',
  planBeforeOrder: 'the adoption plan decision is on or before the placement order',
  planBeforePlacement: 'the adoption plan decision is on or before the placement',
  needsPlan: 'this step needs the ADM’s decision that the child should be placed for adoption',
  orderAfterPlan: 'the placement order is on or after the adoption plan decision',
  allocationAfterPlan: 'a family finder is allocated once the ADM has decided adoption is the plan',
  proposalAfterPlan: 'a match is proposed on or after the adoption plan decision',
  linkedFirst: 'the household must first be linked with the child (proposeMatch)',
  earlyPermanenceBeforeOrder: 'an early-permanence placement comes before authority to place; record an adoptive placement instead',
  earlyPermanenceWhileConsidering: 'before the plan decision, fostering for adoption is possible only while adoption is being considered',
  temporaryApprovalNeeded:
    'before the plan decision, fostering for adoption names the day the carers were temporarily approved as the child’s foster carers',
  temporaryApprovalBeforePlacement: 'the carers are approved as the child’s foster carers on or before the placement',
  placementAfterCare: 'a child is placed on or after the day they entered care',
  earlyPermanenceCarers: 'early permanence needs carers approved as both adopters and foster carers',
  approvedAdopters: 'only approved adopters can be linked with a child',
  matchAfterPanel: 'a match is decided after a positive panel recommendation',
  matchDecisionAfterPanel: 'the ADM decides a match on or after the panel meeting',
  matchNeedsApprovedHousehold: 'a match is approved only with a household still approved as adopters',
  matchBeforeOrder: 'a match before the placement order is allowed only for early permanence',
  placementNeedsMatch: 'a placement follows the ADM’s match decision',
  placementNeedsMatchedHousehold: 'a child is placed only with a household matched with them',
  placementNeedsOrder: 'a placement needs a placement order or recorded consent',
  placementAfterMatch: 'the placement is on or after the match decision',
  placedElsewhere: 'the child is still placed with another family: record the disruption first',
  movedInBeforePlacement: 'the child moves in with the family on or before the placement',
  adoptionNeedsPlacement: 'an adoption order follows an adoptive placement',
  adoptionTenWeeks: 'an adoption order is made no earlier than 10 weeks after placement',
  disruptionNeedsPlacement: 'a disruption ends a current placement',
  disruptionAfterPlacement: 'a disruption is on or after the placement',
  meetingAfterDisruption: 'the disruption meeting is on or after the disruption',
  adopted: 'the child is adopted: the journey is complete',
  alreadyPlaced: 'the child is already placed',
  planChangeWhilePlaced: 'record the disruption of the current placement before changing the plan',
  enteredCareAfterBirth: 'a child enters care on or after birth',
} as const;

/** Ten weeks, in days. */
export const ADOPTION_ORDER_MIN_DAYS = 70;
