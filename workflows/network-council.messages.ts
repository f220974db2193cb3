import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  CouncilAgreementsInput,
  CouncilMeetingInput,
  InvitationsInput,
  NetworkCouncilState,
} from '../libs/domain/youth/network-council.types';

/** The messages a network-council workflow answers; shared by the workflow and its clients. */
export const networkCouncilStateQuery = defineQuery<NetworkCouncilState>('networkCouncilState');
export const councilReadModelSyncedUpdate = defineUpdate<NetworkCouncilState>('readModelSynced');
export const recordInvitationsUpdate = defineUpdate<NetworkCouncilState, [InvitationsInput]>('recordInvitations');
export const recordCouncilMeetingUpdate = defineUpdate<NetworkCouncilState, [CouncilMeetingInput]>(
  'recordCouncilMeeting',
);
export const recordCouncilAgreementsUpdate = defineUpdate<NetworkCouncilState, [CouncilAgreementsInput]>(
  'recordCouncilAgreements',
);
