import type { PersonalDataRead } from '../audit/access-log.service';

/**
 * Every access-log action in the words the page shows (»Hvem har læst sagen«). A `Record` over the union:
 * an action added to {@link PersonalDataRead} without a label here does not compile.
 */
export const ACCESS_LOG_ACTION_LABELS: Record<PersonalDataRead, string> = {
  case_read: 'Læste sagen',
  case_list: 'Så sagen på en liste',
  case_history_read: 'Læste sagens historik',
  case_notes_read: 'Læste sagens journal',
  case_documents_read: 'Så sagens dokumentliste',
  case_document_read: 'Hentede et dokument',
  person_read: 'Læste personens navn og CPR-nummer',
  person_lookup: 'Fandt personen på CPR-nummer',
  person_register: 'Registrerede personen',
  person_search: 'Fandt personen ved navnesøgning',
  person_name_read: 'Så personens navn ved sagen',
  payload_decode: 'Afkodede data i Temporal',
  read_model_redrive: 'Sendte en afvist registrering igen (drift)',
  user_change: 'Ændrede en bruger',
  case_assignment: 'Ændrede sagens ansvarlige sagsbehandler',
  absence_change: 'Registrerede eller annullerede et fravær',
  access_log_read: 'Læste adgangsloggen',
  access_export: 'Udleverede personens oplysninger (indsigt)',
  retention_erasure: 'Slettede sagen (opbevaringsperioden udløbet)',
  retention_approval: 'Godkendte slettelisten',
  legal_hold_change: 'Satte eller ophævede en sletteblokering',
  protected_person_read: 'Så en beskyttet persons navn eller CPR-nummer',
  person_protection_change: 'Satte eller ophævede personens adressebeskyttelse',
};

export const ACCESS_LOG_ACTIONS = Object.keys(ACCESS_LOG_ACTION_LABELS) as PersonalDataRead[];
