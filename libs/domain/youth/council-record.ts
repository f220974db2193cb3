import type { Organisation } from '../organisations/organisation-units';
import type { AgreementKind, Suspicion } from './network-council.types';
import type { InitiativeFollowUpOutcome, PoliceSenderFunction } from './youth-vocabulary';

/**
 * What a network council's transition tells the read model besides its status and steps: the police's
 * documentation sent through the system (its offence sealed by the API), the meeting's planned moment, the
 * youth's expected release and release, and the action plan's initiatives with their due dates and follow-ups.
 */
export interface CouncilRecord {
  policeDocumentation?: {
    senderUnit: string;
    senderFunction: PoliceSenderFunction;
    suspicion: Suspicion;
    offenceEncrypted: string;
    /** The send is the receipt: the moment the 7 days count from. */
    sentAt: string;
    senderActorId: string;
  };
  plannedFor?: string;
  expectedReleaseDate?: string;
  releasedAt?: string;
  initiatives?: {
    initiativeId: string;
    kind: AgreementKind;
    description: string;
    ownerOrganisation: Organisation;
    ownerUnit: string;
    dueDate: string;
    followsRelease: boolean;
    stepId: string;
    agreedAt: string;
  }[];
  dueDates?: { initiativeId: string; dueDate: string }[];
  followUps?: { initiativeId: string; outcome: InitiativeFollowUpOutcome; note: string; followedUpAt: string }[];
}
