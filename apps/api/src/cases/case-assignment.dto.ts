import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsUUID } from 'class-validator';
import { MAX_BULK_ASSIGNMENT } from '../../../../libs/domain/case/case-assignment';
import { TextField, UserIdField } from '../common/field-decorators';

const REASON_LABEL = 'Begrundelsen';

/** `PUT /api/cases/:id/assignee`: who is to be the case's responsible caseworker, and why. */
export class AssigneeDto {
  @UserIdField('assigneeId', {
    label: 'Sagsbehandleren',
    description: 'Den aktive bruger i sagens enhed, der bliver ansvarlig (id).',
    required: true,
  })
  assigneeId!: string;

  @TextField('reason', {
    label: REASON_LABEL,
    description: 'Hvorfor; påkrævet, når en leder flytter en sag fra én sagsbehandler til en anden.',
    maxLength: 500,
  })
  reason?: string;
}

/** `POST /api/cases/assignments`: several cases to one caseworker at once — all of them, or none. */
export class BulkAssignmentDto extends AssigneeDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: MAX_BULK_ASSIGNMENT,
    description: 'Sagernes id; alle skal kunne tildeles, ellers ændres ingen.',
  })
  @applyDecorators(
    IsDefined({ message: 'Sagerne skal udfyldes.' }),
    IsArray({ message: 'Sagerne skal være en liste af sags-id.' }),
    ArrayMinSize(1, { message: 'Vælg mindst én sag.' }),
    ArrayMaxSize(MAX_BULK_ASSIGNMENT, { message: `Der kan højst tildeles ${MAX_BULK_ASSIGNMENT} sager ad gangen.` }),
    IsUUID('all', { each: true, message: 'Sagerne skal være en liste af sags-id.' }),
  )
  caseIds!: string[];
}
