/**
 * The decisions of each case type as forms (bodies as the API's DTOs in apps/api/src/**): where they post
 * (`action`, also the form's id unless `id` says otherwise), which role may take them (`permission`), in
 * which state (`when`), and which open step they complete (`step`: that form is opened first).
 */
import { unitsOfKind } from './reference.js';

const YES_NO = [
  ['true', 'Ja'],
  ['false', 'Nej'],
];
const IN_PRISON = ['awaiting_suitability_assessment', 'awaiting_agreement_signature', 'agreement_active'];
const at = (name, label) => ({
  name,
  label,
  type: 'datetime',
  optional: true,
  hint: 'Tom: nu. Angiv tidspunktet, hvis det skete tidligere; en frist måles mod det.',
});
const reason = (label = 'Begrundelse') => ({ name: 'reason', label, type: 'textarea' });

const EXIT_COURSE_FORMS = [
  {
    title: 'Egnethedsvurdering',
    action: 'suitability-assessment',
    permission: 'exit-course:decide',
    step: 'suitability_assessment',
    when: (c) => c.status === 'awaiting_suitability_assessment',
    fields: [
      {
        name: 'outcome',
        label: 'Resultat',
        type: 'radio',
        options: [
          ['offer', 'Tilbud om exit-aftale'],
          ['rejection', 'Afslag'],
        ],
      },
      { ...reason('Begrundelse for afslag'), hint: 'Skal udfyldes ved afslag; udelades ved tilbud.' },
      at('decidedAt', 'Tidspunkt for vurderingen'),
    ],
    submitLabel: 'Registrér vurderingen',
  },
  {
    title: 'Udtalelse til den fælles vurdering',
    action: 'assessment-inputs',
    permission: 'exit-course:decide',
    when: (c) => c.status === 'awaiting_suitability_assessment' && c.paroleLinked,
    fields: [
      {
        name: 'party',
        label: 'Hvis udtalelse',
        type: 'radio',
        options: [
          ['kriminalforsorgen', 'Kriminalforsorgen'],
          ['police', 'Politiet'],
          ['municipality', 'Kommunen'],
        ],
      },
      { name: 'summary', label: 'Udtalelsen i kort form', type: 'textarea' },
    ],
    submitLabel: 'Registrér udtalelsen',
  },
  {
    title: 'Exit-aftalen er underskrevet',
    action: 'agreement-signed',
    permission: 'exit-course:decide',
    step: 'agreement_signing',
    when: (c) => c.status === 'awaiting_agreement_signature',
    fields: [at('signedAt', 'Tidspunkt for underskriften')],
    submitLabel: 'Registrér underskriften',
  },
  {
    title: 'Mentor',
    action: 'mentor',
    permission: 'exit-course:decide',
    step: 'mentor_assignment',
    when: (c) => c.status === 'agreement_active',
    fields: (c) => [
      {
        name: 'mentorRef',
        label: 'Mentorens reference',
        type: 'text',
        hint: 'Referencen, aldrig navnet, fx MENTOR-0042.',
        value: c.mentor?.mentorRef ?? '',
      },
      at('assignedAt', 'Tidspunkt for tildelingen'),
    ],
    submitLabel: 'Tildel mentor',
  },
  {
    title: 'Mentorkontakt',
    action: 'mentor-contacts',
    permission: 'exit-course:decide',
    step: 'mentor_contact',
    when: (c) => c.status === 'agreement_active' && Boolean(c.mentor?.mentorRef),
    fields: [
      { name: 'contactAt', label: 'Hvornår fandt kontakten sted', type: 'datetime' },
      {
        name: 'form',
        label: 'Form',
        type: 'radio',
        options: [
          ['meeting', 'Møde'],
          ['phone', 'Telefon'],
        ],
      },
      { name: 'durationMinutes', label: 'Varighed i minutter', type: 'number', hint: '1-600 minutter.' },
    ],
    submitLabel: 'Registrér kontakten',
  },
  {
    title: 'Psykologforløb',
    action: 'psychologist-course',
    permission: 'exit-course:decide',
    when: (c) => c.status === 'agreement_active' && c.psychologistCourse !== 'ended',
    fields: (c) => [
      {
        name: 'event',
        label: 'Hændelse',
        type: 'radio',
        options: c.psychologistCourse === 'ongoing' ? [['ended', 'Afsluttet']] : [['started', 'Startet']],
      },
    ],
    submitLabel: 'Registrér',
  },
  {
    title: 'Overførsel til et andet fængsel',
    action: 'transfer',
    permission: 'exit-course:decide',
    when: (c) => IN_PRISON.includes(c.status),
    intro:
      'Forløbet fortsætter uændret i det modtagende fængsel, som får sagen; jeres fængsel beholder historikken (kun læse).',
    fields: (c) => [
      {
        name: 'toInstitutionCode',
        label: 'Modtagende institution',
        type: 'select',
        options: unitsOfKind('institution', c.institution.code),
      },
      at('transferredAt', 'Tidspunkt for overførslen'),
    ],
    submitLabel: 'Registrér overførslen',
  },
  {
    title: 'Løsladelsesplan',
    action: 'release-plan',
    permission: 'exit-course:decide',
    when: (c) => c.status === 'agreement_active',
    intro: 'Kommunen og politikredsen får varsel før løsladelsen; politikredsens exitenhed får sagen.',
    fields: (c) => [
      {
        name: 'municipalityCode',
        label: 'Kommune',
        type: 'select',
        options: unitsOfKind('municipality'),
        value: c.releasePlan?.municipality.code ?? '',
      },
      {
        name: 'policeDistrictCode',
        label: 'Politikreds',
        type: 'select',
        options: unitsOfKind('police_district'),
        value: c.releasePlan?.policeDistrict.code ?? '',
      },
    ],
    submitLabel: 'Gem planen',
  },
  {
    title: 'Forventet løsladelsesdato',
    action: 'expected-release-date',
    permission: 'exit-course:decide',
    when: (c) => IN_PRISON.includes(c.status),
    fields: (c) => [
      { name: 'expectedReleaseDate', label: 'Ny dato', type: 'date', value: c.expectedReleaseDate },
      reason('Hvorfor ændres datoen'),
    ],
    submitLabel: 'Ændr datoen',
  },
  {
    title: 'Tjekliste for løsladelse',
    action: 'readiness',
    permission: 'exit-course:decide',
    step: 'release_preparation',
    when: (c) => IN_PRISON.includes(c.status),
    fields: [
      {
        name: 'item',
        label: 'Punkt',
        type: 'select',
        options: [
          ['housing', 'Bolig'],
          ['income', 'Forsørgelse'],
          ['job_or_education_plan', 'Job- eller uddannelsesplan'],
          ['mentor_continuity', 'Mentorkontinuitet'],
        ],
      },
      { name: 'ready', label: 'Er punktet på plads?', type: 'radio', boolean: true, options: YES_NO },
      { name: 'note', label: 'Bemærkning', type: 'textarea', optional: true },
    ],
    submitLabel: 'Opdatér tjeklisten',
  },
  {
    title: 'Løsladelse',
    action: 'release',
    permission: 'exit-course:decide',
    when: (c) => c.status === 'agreement_active',
    intro: 'Sagen overdrages til politikredsens exitenhed; Kriminalforsorgens del slutter.',
    fields: [at('releasedAt', 'Tidspunkt for løsladelsen')],
    submitLabel: 'Registrér løsladelsen',
  },
  {
    title: 'Afbryd forløbet',
    action: 'interruption',
    permission: 'exit-course:decide',
    when: (c) => IN_PRISON.includes(c.status),
    fields: [
      {
        name: 'by',
        label: 'Hvem afbryder',
        type: 'radio',
        options: [
          ['inmate', 'Den indsatte'],
          ['kriminalforsorgen', 'Kriminalforsorgen'],
        ],
      },
      reason(),
    ],
    submitLabel: 'Afbryd forløbet',
  },
  {
    title: 'Afgørelse om overdragelsen',
    action: 'handover-decision',
    permission: 'handover:decide',
    step: 'handover_decision',
    when: (c) => c.status === 'awaiting_handover_decision',
    fields: [
      {
        name: 'decision',
        label: 'Afgørelse',
        type: 'radio',
        options: [
          ['accept', 'Overtag sagen'],
          ['decline', 'Afvis (tilbage til Kriminalforsorgen)'],
        ],
      },
      {
        name: 'continuation',
        label: 'Ved overtagelse: videre forløb',
        type: 'select',
        options: [
          ['with_municipality', 'Videreføres med kommunen'],
          ['municipal_exit_programme', 'Videreføres i kommunens exitprogram'],
          ['closed', 'Afsluttes'],
        ],
      },
      { ...reason(), optional: true, hint: 'Skal udfyldes ved afvisning og når forløbet afsluttes.' },
    ],
    submitLabel: 'Registrér afgørelsen',
  },
  {
    title: 'Overdrag til en anden politikreds',
    action: 'handover-redirect',
    permission: 'exit-course:decide',
    step: 'handover_redirect',
    when: (c) => c.status === 'handover_declined',
    fields: (c) => [
      {
        name: 'policeDistrictCode',
        label: 'Politikreds',
        type: 'select',
        options: unitsOfKind('police_district', c.handover?.policeDistrict.code),
      },
    ],
    submitLabel: 'Overdrag',
  },
];

const DKS_FORMS = [
  {
    id: 'dks-assessment',
    title: 'DKS-vurdering',
    action: 'assessment',
    permission: 'dks:decide',
    step: 'dks_assessment',
    when: (c) => c.status === 'awaiting_assessment',
    fields: [
      {
        name: 'concernConversation',
        label: 'Skal der holdes en bekymringssamtale (hjemmebesøg)?',
        type: 'radio',
        boolean: true,
        options: YES_NO,
      },
      reason(),
      at('decidedAt', 'Tidspunkt for vurderingen'),
    ],
    submitLabel: 'Registrér vurderingen',
  },
  {
    title: 'Planlæg hjemmebesøget',
    action: 'home-visit-plan',
    permission: 'dks:decide',
    step: 'home_visit_planning',
    when: (c) => ['awaiting_home_visit', 'home_visit_planned'].includes(c.status),
    fields: [{ name: 'plannedFor', label: 'Planlagt tidspunkt', type: 'datetime' }],
    submitLabel: 'Gem planen',
  },
  {
    title: 'Hjemmebesøget er holdt',
    action: 'home-visit',
    permission: 'dks:decide',
    step: 'home_visit',
    when: (c) => ['awaiting_home_visit', 'home_visit_planned'].includes(c.status),
    fields: [
      { name: 'withSocialServices', label: 'Holdt sammen med socialforvaltningen', type: 'checkbox', value: true },
      {
        name: 'initiatives',
        label: 'Iværksatte initiativer',
        type: 'textarea',
        hint: 'Opfølgningstjekket inden 14 dage ser på dem.',
      },
      at('heldAt', 'Hvornår blev besøget holdt'),
    ],
    submitLabel: 'Registrér besøget',
  },
  {
    title: 'Opfølgningstjek',
    action: 'follow-up',
    permission: 'dks:decide',
    step: 'follow_up_check',
    when: (c) => c.status === 'awaiting_follow_up',
    fields: [
      { name: 'findings', label: 'Hvad viste opfølgningen', type: 'textarea' },
      at('checkedAt', 'Hvornår blev der fulgt op'),
    ],
    submitLabel: 'Registrér opfølgningen',
  },
];

const PARTICIPANT_ROLES = [
  ['youth', 'Den unge'],
  ['parents', 'Forældre'],
  ['school', 'Skole'],
  ['police', 'Politi'],
  ['ssp', 'SSP'],
  ['social_services', 'Socialforvaltningen'],
  ['mentor', 'Mentor'],
  ['kriminalforsorgen', 'Kriminalforsorgen'],
  ['other', 'Andre'],
];
const AGREEMENT_KINDS = [
  ['support_in_custody', 'Støtte under varetægt'],
  ['support_at_release', 'Støtte ved løsladelse'],
  ['mentor_support', 'Mentorstøtte'],
  ['other', 'Anden aftale'],
];
const AGREEMENT_ROWS = [0, 1, 2];

const COUNCIL_FORMS = [
  {
    title: 'Indkaldelse',
    action: 'invitations',
    permission: 'council:decide',
    step: 'network_council_convening',
    when: (c) => c.status === 'awaiting_convening',
    fields: [
      { name: 'participants', label: 'Indkaldte', type: 'checkboxes', options: PARTICIPANT_ROLES },
      at('invitedAt', 'Hvornår blev der indkaldt'),
    ],
    body: ({ participants, ...rest }) => ({ ...rest, participants: participants.map((role) => ({ role })) }),
    submitLabel: 'Registrér indkaldelsen',
  },
  {
    title: 'Samrådet er holdt',
    action: 'meeting',
    permission: 'council:decide',
    when: (c) => c.status === 'convened',
    fields: [at('heldAt', 'Hvornår blev samrådet holdt')],
    submitLabel: 'Registrér mødet',
  },
  {
    title: 'Aftaler',
    action: 'agreements',
    permission: 'council:decide',
    when: (c) => c.status === 'meeting_held',
    intro: 'Udfyld en linje pr. aftale; tomme linjer springes over.',
    fields: [
      ...AGREEMENT_ROWS.flatMap((row) => [
        {
          name: `agreements.${row}.kind`,
          label: `Aftale ${row + 1}: type`,
          type: 'select',
          options: AGREEMENT_KINDS,
          optional: row > 0,
        },
        {
          name: `agreements.${row}.description`,
          label: `Aftale ${row + 1}: indhold`,
          type: 'textarea',
          optional: row > 0,
        },
      ]),
      at('agreedAt', 'Hvornår blev aftalerne indgået'),
    ],
    body: (values) => ({
      ...(values.agreedAt ? { agreedAt: values.agreedAt } : {}),
      agreements: AGREEMENT_ROWS.filter(
        (row) => row === 0 || values[`agreements.${row}.kind`] || values[`agreements.${row}.description`],
      ).map((row) => ({
        kind: values[`agreements.${row}.kind`],
        description: values[`agreements.${row}.description`],
      })),
    }),
    submitLabel: 'Registrér aftalerne',
  },
];

export const CASE_FORMS = {
  'exit-courses': EXIT_COURSE_FORMS,
  'dks-cases': DKS_FORMS,
  'network-councils': COUNCIL_FORMS,
};

/** The forms this user may use on this case now, with fields filled from the case. */
export function formsFor(resource, detail, permissions) {
  return (CASE_FORMS[resource] ?? [])
    .filter((spec) => permissions.includes(spec.permission) && spec.when(detail))
    .map((spec) => ({
      ...spec,
      id: spec.id ?? spec.action,
      fields: typeof spec.fields === 'function' ? spec.fields(detail) : spec.fields,
    }));
}
