import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Organisation } from '../../../../libs/domain/organisations/organisation-units';
import type { AgreementKind } from '../../../../libs/domain/youth/network-council.types';
import type { InitiativeFollowUpOutcome, PoliceSenderFunction } from '../../../../libs/domain/youth/youth-vocabulary';
import type { UnitLookup } from '../../../../libs/persistence/organisation-units-directory';
import type { NetworkCouncilView } from './network-council.views';

type ActionPlanView = Pick<
  NetworkCouncilView,
  'documentation' | 'plannedFor' | 'expectedReleaseDate' | 'releasedAt' | 'initiatives'
>;

/** A network council's documentation channel, meeting plan, release and action plan, from the read model. */
@Injectable()
export class CouncilActionPlanRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** For a case the caller already found within the user's scope. */
  async of(caseId: string, units: UnitLookup): Promise<ActionPlanView> {
    const [documentation]: { sender_unit: string; sender_function: PoliceSenderFunction }[] =
      await this.dataSource.query(`SELECT sender_unit, sender_function FROM police_documentation WHERE case_id = $1`, [
        caseId,
      ]);
    const [facts]: { planned_for: Date | null; expected_release_date: string | null; released_at: Date | null }[] =
      await this.dataSource.query(
        `SELECT planned_for, to_char(expected_release_date, 'YYYY-MM-DD') AS expected_release_date, released_at
           FROM council_facts WHERE case_id = $1`,
        [caseId],
      );
    const initiatives: {
      id: string;
      kind: AgreementKind;
      description: string;
      owner_organisation: Organisation;
      owner_unit: string;
      due_date: string;
      follows_release: boolean;
      step_id: string;
      outcome: InitiativeFollowUpOutcome | null;
      note: string | null;
      followed_up_at: Date | null;
    }[] = await this.dataSource.query(
      `SELECT id, kind, description, owner_organisation, owner_unit, to_char(due_date, 'YYYY-MM-DD') AS due_date,
              follows_release, step_id, outcome, note, followed_up_at
         FROM council_initiatives WHERE case_id = $1 ORDER BY position, id`,
      [caseId],
    );
    return {
      documentation: documentation
        ? {
            via: 'system',
            sender: units.view(documentation.sender_unit),
            senderFunction: documentation.sender_function,
          }
        : { via: 'outside_system', sender: null, senderFunction: null },
      plannedFor: facts?.planned_for?.toISOString() ?? null,
      expectedReleaseDate: facts?.expected_release_date ?? null,
      releasedAt: facts?.released_at?.toISOString() ?? null,
      initiatives: initiatives.map((row) => ({
        id: row.id,
        kind: row.kind,
        description: row.description,
        ownerOrganisation: row.owner_organisation,
        owner: units.view(row.owner_unit),
        dueDate: row.due_date,
        followsRelease: row.follows_release,
        stepId: row.step_id,
        outcome: row.outcome,
        note: row.note,
        followedUpAt: row.followed_up_at?.toISOString() ?? null,
      })),
    };
  }

  /** The unit owning an initiative of the council, if it has one by that id. */
  async ownerOf(caseId: string, initiativeId: string): Promise<string | undefined> {
    const rows: { owner_unit: string }[] = await this.dataSource.query(
      `SELECT owner_unit FROM council_initiatives WHERE case_id = $1 AND id::text = $2`,
      [caseId, initiativeId],
    );
    return rows[0]?.owner_unit;
  }
}
