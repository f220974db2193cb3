import type { PolicePhaseStart } from '../../libs/domain/exit-course/police-phase.types';
import { caseEvent } from '../case/case-event';
import type { CourseParts } from './release-preparation';

/**
 * The course after release, run by the police exit unit (DOMAIN.md §5): it begins at an accepted handover
 * or, for a course started outside prison, at the agreement. Everything that happens in it lives here.
 */
export class PolicePhase {
  constructor(private readonly course: CourseParts) {}

  begin(start: PolicePhaseStart): void {
    const { state, writer } = this.course;
    state.status = 'police_course_active';
    state.policePhase = { startedAt: start.at, policeDistrictCode: start.policeDistrictCode, via: start.via };
    writer.enqueue({
      status: { status: state.status },
      events: [
        caseEvent('police_course_started', start.at, start.actor, {
          details: { policeDistrictCode: start.policeDistrictCode, via: start.via },
        }),
      ],
    });
  }
}
