import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  CouncilAgreementsInput,
  CouncilExpectedReleaseInput,
  CouncilMeetingInput,
  CouncilMeetingPlanInput,
  CouncilReleaseInput,
  InitiativeFollowUpInput,
  InvitationsInput,
  NetworkCouncilState,
} from '../../libs/domain/youth/network-council.types';
import { NETWORK_COUNCIL_DECISIONS } from '../../libs/domain/youth/network-council.decisions';
import { READ_MODEL_SYNCED_UPDATE } from '../../libs/domain/case/case-workflows';

/** The messages a network-council workflow answers; shared by the workflow and its clients. */
export const networkCouncilStateQuery = defineQuery<NetworkCouncilState>('networkCouncilState');
export const councilReadModelSyncedUpdate = defineUpdate<NetworkCouncilState>(READ_MODEL_SYNCED_UPDATE);
export const recordInvitationsUpdate = defineUpdate<NetworkCouncilState, [InvitationsInput]>(
  NETWORK_COUNCIL_DECISIONS.invitations.update,
);
export const recordCouncilMeetingUpdate = defineUpdate<NetworkCouncilState, [CouncilMeetingInput]>(
  NETWORK_COUNCIL_DECISIONS.meeting.update,
);
export const recordCouncilAgreementsUpdate = defineUpdate<NetworkCouncilState, [CouncilAgreementsInput]>(
  NETWORK_COUNCIL_DECISIONS.agreements.update,
);
export const recordCouncilMeetingPlanUpdate = defineUpdate<NetworkCouncilState, [CouncilMeetingPlanInput]>(
  NETWORK_COUNCIL_DECISIONS['meeting-plan'].update,
);
export const recordInitiativeFollowUpUpdate = defineUpdate<NetworkCouncilState, [InitiativeFollowUpInput]>(
  NETWORK_COUNCIL_DECISIONS['initiative-follow-up'].update,
);
export const recordCouncilExpectedReleaseUpdate = defineUpdate<NetworkCouncilState, [CouncilExpectedReleaseInput]>(
  NETWORK_COUNCIL_DECISIONS['expected-release'].update,
);
export const recordCouncilReleaseUpdate = defineUpdate<NetworkCouncilState, [CouncilReleaseInput]>(
  NETWORK_COUNCIL_DECISIONS.release.update,
);
