import type { DksStepKind } from '../../../../libs/domain/youth/dks-case.types';
import type { NetworkCouncilStepKind } from '../../../../libs/domain/youth/network-council.types';
import type { SlaMeasure } from './report.views';

/** Each deadline the SLA report measures: the step that carries it, and its name in Danish. */
export const SLA_MEASURE_STEPS: Readonly<
  Record<SlaMeasure, { stepKind: DksStepKind | NetworkCouncilStepKind; label: string }>
> = {
  dks_assessment_24h: { stepKind: 'dks_assessment', label: 'DKS-vurdering inden for 24 timer' },
  network_council_7d: { stepKind: 'network_council_convening', label: 'Netværkssamråd indkaldt inden for 7 dage' },
  follow_up_14d: { stepKind: 'follow_up_check', label: 'Opfølgningstjek inden for 14 dage' },
};
