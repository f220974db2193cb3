import { ReferenceDataController } from '../reference/reference-data.controller';
import { loadReferenceData } from '../../web/js/reference.js';
import { decisionForm } from '../../web/js/case-forms.js';
import { detailValueLabel } from '../../web/js/labels.js';

/**
 * The page names the cases' values with the server's names (`GET /api/reference-data`, `choices`, from the
 * tables in libs/domain): the decision forms' options start them with a capital letter, the history's
 * details use them as they are. The page's own wording of a decision (`Overtag sagen`) stays the page's.
 */
const globals = globalThis as Record<string, unknown>;
const saved = { fetch: globals.fetch, sessionStorage: globals.sessionStorage };

beforeAll(async () => {
  // The units come from the database; these forms' choices do not use them.
  const noUnits = { all: async () => [] } as unknown as ConstructorParameters<typeof ReferenceDataController>[0];
  const served = await new ReferenceDataController(noUnits).referenceData();
  globals.sessionStorage = { getItem: () => null };
  globals.fetch = async () => ({ ok: true, json: async () => served });
  await loadReferenceData();
});

afterAll(() => Object.assign(globals, saved));

type Options = [string, string][];

/** The options of each field of one decision's form, as the page lays them out for a case. */
function optionsOf(resource: string, name: string, detail: object = {}): Record<string, Options> {
  const form = decisionForm(resource, { name, label: name, fields: [] }, detail) as {
    fields: { name: string; options?: Options }[];
  };
  return Object.fromEntries(form.fields.flatMap((field) => (field.options ? [[field.name, field.options]] : [])));
}

describe('the decision forms’ options', () => {
  it('name the exit course’s values as the server does, with a capital letter', () => {
    expect(optionsOf('exit-courses', 'readiness').item).toEqual([
      ['housing', 'Bolig'],
      ['income', 'Forsørgelse'],
      ['job_or_education_plan', 'Job- eller uddannelsesplan'],
      ['mentor_continuity', 'Mentorkontinuitet'],
    ]);
    expect(optionsOf('exit-courses', 'assessment-inputs').party).toEqual([
      ['kriminalforsorgen', 'Kriminalforsorgen'],
      ['police', 'Politiet'],
      ['municipality', 'Kommunen'],
    ]);
    expect(optionsOf('exit-courses', 'mentor-contacts').form).toEqual([
      ['meeting', 'Møde'],
      ['phone', 'Telefon'],
    ]);
    expect(optionsOf('exit-courses', 'interruption').reasonCode).toEqual([
      ['own_wish', 'Den indsatte ønsker ikke at fortsætte'],
      ['agreement_breach', 'Exit-aftalen er ikke overholdt'],
      ['new_crime', 'Ny kriminalitet'],
      ['back_in_gang_environment', 'Tilbage i bandemiljøet'],
      ['security_concerns', 'Sikkerhedsmæssige hensyn'],
      ['deported', 'Udvist eller udrejst'],
      ['other', 'Andet'],
    ]);
    expect(optionsOf('dks-cases', 'assessment').reasonCode?.map(([value]) => value)).toEqual([
      'no_concern',
      'existing_measure',
      'other_authority',
      'moved_away',
      'other',
    ]);
    expect(optionsOf('exit-courses', 'interruption').by).toEqual([
      ['inmate', 'Den indsatte'],
      ['kriminalforsorgen', 'Kriminalforsorgen'],
    ]);
    expect(optionsOf('exit-courses', 'psychologist-course', { psychologistCourse: 'not_started' }).event).toEqual([
      ['started', 'Startet'],
    ]);
    expect(optionsOf('exit-courses', 'psychologist-course', { psychologistCourse: 'ongoing' }).event).toEqual([
      ['ended', 'Afsluttet'],
    ]);
  });

  it('keep the page’s own wording of a decision beside the server’s names of the values', () => {
    expect(optionsOf('exit-courses', 'handover-decision')).toEqual({
      decision: [
        ['accept', 'Overtag sagen'],
        ['decline', 'Afvis (tilbage til Kriminalforsorgen)'],
      ],
      continuation: [
        ['with_municipality', 'Videreføres med kommunen'],
        ['municipal_exit_programme', 'Videreføres i kommunens exitprogram'],
        ['closed', 'Afsluttes'],
      ],
      // The server's names of the reason codes, each list's own named in the page's words.
      reasonCode: [
        ['other_district', 'Afvisning: personen hører til en anden politikreds'],
        ['missing_information', 'Afvisning: overdragelsen mangler oplysninger'],
        ['not_suitable', 'Afvisning: ikke egnet til et forløb hos politiets exitenhed'],
        ['already_in_programme', 'Afvisning: allerede i et andet exitforløb'],
        ['completed', 'Afslutning: forløbet er gennemført'],
        ['declined_by_person', 'Afslutning: personen ønsker ikke at fortsætte'],
        ['not_reachable', 'Afslutning: personen kan ikke træffes'],
        ['new_crime', 'Afslutning: ny kriminalitet'],
        ['moved_away', 'Afslutning: fraflyttet'],
        ['other', 'Andet'],
      ],
    });
    expect(optionsOf('exit-courses', 'suitability-assessment').outcome).toEqual([
      ['offer', 'Tilbud om exit-aftale'],
      ['rejection', 'Afslag'],
    ]);
  });

  it('name the network council’s participants and agreements as the server does', () => {
    expect(optionsOf('network-councils', 'invitations').participants).toEqual([
      ['youth', 'Den unge'],
      ['parents', 'Forældre'],
      ['school', 'Skole'],
      ['police', 'Politiet'],
      ['ssp', 'SSP'],
      ['social_services', 'Socialforvaltningen'],
      ['mentor', 'Mentor'],
      ['kriminalforsorgen', 'Kriminalforsorgen'],
      ['other', 'Andre'],
    ]);
    const agreements = optionsOf('network-councils', 'agreements');
    expect(agreements['agreements.0.kind']).toEqual([
      ['support_in_custody', 'Støtte under varetægt'],
      ['support_at_release', 'Støtte ved løsladelse'],
      ['mentor_support', 'Mentorstøtte'],
      ['other', 'Anden aftale'],
    ]);
    expect(agreements['agreements.2.kind']).toEqual(agreements['agreements.0.kind']);
  });
});

describe('the history’s details', () => {
  it.each([
    ['item', 'housing', 'bolig'],
    ['missing', 'job_or_education_plan', 'job- eller uddannelsesplan'],
    ['party', 'police', 'politiet'],
    ['by', 'inmate', 'den indsatte'],
    ['continuation', 'municipal_exit_programme', 'videreført i kommunens exitprogram'],
    ['form', 'meeting', 'møde'],
    ['trigger', 'charged', 'sigtet'],
    ['suspicion', 'suspected', 'mistænkt'],
    ['participants', 'other', 'andre'],
    ['ready', true, 'ja'],
    ['withSocialServices', false, 'nej'],
  ])('name %s %s by the list of that detail: %s', (key, value, shown) => {
    expect(detailValueLabel(key, value)).toBe(shown);
  });

  it('leave a detail that is no value of a list (a unit, a reference) to the caller', () => {
    expect(detailValueLabel('policeDistrictCode', 'POL-KBH')).toBeUndefined();
    expect(detailValueLabel('mentorRef', 'MENTOR-0042')).toBeUndefined();
  });
});
