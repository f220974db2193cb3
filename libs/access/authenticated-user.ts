import type { Organisation } from '../domain/organisations/organisation-units';
import type { Role } from '../domain/organisations/roles';

/** Who is acting: from a verified token. `id` is opaque and is what the audit trail records. */
export interface AuthenticatedUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organisation: Organisation;
  /** Unit codes (institutions, police districts, municipalities) the user works for. */
  units: string[];
}
