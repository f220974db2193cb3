import { InitialReadModel1764000000000 } from './1764000000000-initial-read-model';
import { AccessAuditPersons1764100000000 } from './1764100000000-access-audit-persons';

/** Every migration, in order. Add new ones at the end. */
export const READ_MODEL_MIGRATIONS = [InitialReadModel1764000000000, AccessAuditPersons1764100000000];
