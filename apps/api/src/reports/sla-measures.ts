import type { ExitCourseStepKind } from '../../../../libs/domain/exit-course/exit-course.types';
import type { Organisation } from '../../../../libs/domain/organisations/organisation-units';
import type { DksStepKind } from '../../../../libs/domain/youth/dks-case.types';
import type { NetworkCouncilStepKind } from '../../../../libs/domain/youth/network-council.types';
import type { SlaMeasure } from './report.views';

/**
 * Each deadline the SLA report measures: the step that carries it, and its name in Danish. `onlyFor`: the
 * organisation whose deadline it is, when others can see the case too (a police exit unit sees the exit
 * courses handed over to it, but the institution's deadlines are not its own).
 */
export const SLA_MEASURE_STEPS: Readonly<
  Record<
    SlaMeasure,
    { stepKind: DksStepKind | NetworkCouncilStepKind | ExitCourseStepKind; label: string; onlyFor?: Organisation }
  >
> = {
  dks_assessment_24h: { stepKind: 'dks_assessment', label: 'DKS-vurdering inden for 24 timer' },
  network_council_7d: { stepKind: 'network_council_convening', label: 'Netværkssamråd indkaldt inden for 7 dage' },
  follow_up_14d: { stepKind: 'follow_up_check', label: 'Opfølgningstjek inden for 14 dage' },
  suitability_assessment_30d: {
    stepKind: 'suitability_assessment',
    label: 'Egnethedsvurdering inden for 30 dage',
    onlyFor: 'kriminalforsorgen',
  },
  agreement_signing_14d: {
    stepKind: 'agreement_signing',
    label: 'Exit-aftale underskrevet inden for 14 dage',
    onlyFor: 'kriminalforsorgen',
  },
  mentor_assignment_14d: {
    stepKind: 'mentor_assignment',
    label: 'Mentor tildelt inden for 14 dage',
    onlyFor: 'kriminalforsorgen',
  },
};
