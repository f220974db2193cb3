/**
 * How each decision's form is laid out, per case type and decision name: labels, hints, options and values
 * of its fields, and how the form becomes the body (as the API's DTOs in apps/api/src/**). Which decisions
 * a case offers, their titles and the step each completes come from the server (`availableDecisions` of
 * the case detail): the page never decides which decision is allowed. The names of the domain's values
 * (readiness items, parties, participant roles …) come from the server too (`choiceOptions`); an option
 * written here is the form's own wording of a decision (`Overtag sagen`), not a value's name.
 */
import { capitalised } from './format.js';
import { choiceLabel, choices, endingReasonChoices, unitKind, unitsOfKind } from './reference.js';

/**
 * The options of a field for one of the API's lists of choices (optionally `only` some of its values),
 * named as the server names the values (reference.js) and starting with a capital letter as an option
 * does (`bolig` → `Bolig`). A function: the names are read when the form is laid out, after the
 * reference data is loaded.
 */
const choiceOptions = (list, only) => () =>
  choices(list)
    .filter(([value]) => !only || only.includes(value))
    .map(([value, label]) => [value, capitalised(label)]);

const YES_NO = [
  ['true', 'Ja'],
  ['false', 'Nej'],
];
const at = (name, label) => ({
  name,
  label,
  type: 'datetime',
  optional: true,
  hint: 'Tom: nu. Angiv tidspunktet, hvis det skete tidligere; en frist måles mod det.',
});
const reason = (label = 'Begrundelse') => ({ name: 'reason', label, type: 'textarea' });

/** The options of an ending's reason codes, named as the server names them (`prefix`: whose list it is). */
const reasonOptions = (ending, prefix = '') =>
  endingReasonChoices(ending).map(([value, label]) => [value, prefix ? `${prefix}${label}` : capitalised(label)]);
/**
 * Why a case ends (`reasonCode`): a select of the ending's reason codes, its `options` a function read when
 * the form is laid out. With `andet` the reason beside it must be filled in (the API says so if not).
 */
const reasonCode = (options, label = 'Årsag', hint = 'Ved »Andet« skal begrundelsen udfyldes.') => ({
  name: 'reasonCode',
  label,
  type: 'select',
  options,
  hint,
});
/** The note beside a reason code: needed for `andet`. */
const reasonNote = (label = 'Begrundelse') => ({
  ...reason(label),
  optional: true,
  hint: 'Skal udfyldes, når årsagen er »Andet«.',
});

/** The open steps a final decision ends, named for the confirmation (the step it completes is not one). */
function stepsEnded(detail, decision) {
  const labels = (detail.openSteps ?? [])
    .filter((step) => step.kind !== decision.completesStep)
    .map((step) => step.label);
  return labels.length ? ` Åbne trin, der lukkes uden at være udført: ${labels.join(', ')}.` : '';
}

const EXIT_COURSE_FORMS = {
  'suitability-assessment': {
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
      {
        ...reasonCode(() => reasonOptions('suitability_rejection'), 'Årsag til afslag'),
        optional: true,
        hint: 'Vælges ved afslag; udelades ved tilbud.',
      },
      {
        ...reason('Begrundelse for afslag'),
        optional: true,
        hint: 'Skal udfyldes ved afslag, når årsagen er »Andet«; udelades ved tilbud.',
      },
      at('decidedAt', 'Tidspunkt for vurderingen'),
    ],
    confirm: (c, d) => ({
      when: (values) => values.outcome === 'rejection',
      text: 'Et afslag afslutter forløbet og kan ikke fortrydes.' + stepsEnded(c, d),
      label: 'Jeg bekræfter afslaget',
      missing: 'Bekræft afslaget, før det registreres.',
    }),
    submitLabel: 'Registrér vurderingen',
  },
  'assessment-inputs': {
    fields: [
      {
        name: 'party',
        label: 'Hvis udtalelse',
        type: 'radio',
        options: choiceOptions('assessmentParties'),
      },
      { name: 'summary', label: 'Udtalelsen i kort form', type: 'textarea' },
    ],
    submitLabel: 'Registrér udtalelsen',
  },
  'agreement-signed': {
    fields: [at('signedAt', 'Tidspunkt for underskriften')],
    submitLabel: 'Registrér underskriften',
  },
  mentor: {
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
  'mentor-contacts': {
    fields: [
      { name: 'contactAt', label: 'Hvornår fandt kontakten sted', type: 'datetime' },
      {
        name: 'form',
        label: 'Form',
        type: 'radio',
        options: choiceOptions('mentorContactForms'),
      },
      { name: 'durationMinutes', label: 'Varighed i minutter', type: 'number', hint: '1-600 minutter.' },
    ],
    submitLabel: 'Registrér kontakten',
  },
  'psychologist-course': {
    fields: (c) => [
      {
        name: 'event',
        label: 'Hændelse',
        type: 'radio',
        options: choiceOptions('psychologistCourseEvents', [c.psychologistCourse === 'ongoing' ? 'ended' : 'started']),
      },
    ],
    submitLabel: 'Registrér',
  },
  transfer: {
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
  'release-plan': {
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
  'expected-release-date': {
    fields: (c) => [
      { name: 'expectedReleaseDate', label: 'Ny dato', type: 'date', value: c.expectedReleaseDate },
      reason('Hvorfor ændres datoen'),
    ],
    submitLabel: 'Ændr datoen',
  },
  readiness: {
    fields: [
      {
        name: 'item',
        label: 'Punkt',
        type: 'select',
        options: choiceOptions('readinessItems'),
      },
      { name: 'ready', label: 'Er punktet på plads?', type: 'radio', boolean: true, options: YES_NO },
      { name: 'note', label: 'Bemærkning', type: 'textarea', optional: true },
    ],
    submitLabel: 'Opdatér tjeklisten',
  },
  release: {
    intro: 'Sagen overdrages til politikredsens exitenhed; Kriminalforsorgens del slutter.',
    fields: [at('releasedAt', 'Tidspunkt for løsladelsen')],
    // Irreversible: the caseworker confirms, told what is still not in place.
    confirm: (c, d) => ({
      text:
        'En registreret løsladelse kan ikke fortrydes.' +
        (c.readiness?.missing.length ? ` Ikke på plads før løsladelsen: ${c.readiness.missing.join(', ')}.` : '') +
        stepsEnded(c, d),
      label: 'Jeg bekræfter, at personen er løsladt',
      missing: 'Bekræft løsladelsen, før den registreres.',
    }),
    submitLabel: 'Registrér løsladelsen',
  },
  interruption: {
    fields: [
      {
        name: 'by',
        label: 'Hvem afbryder',
        type: 'radio',
        options: choiceOptions('interruptionBy'),
      },
      reasonCode(() => reasonOptions('interruption')),
      reasonNote(),
    ],
    confirm: (c, d) => ({
      text: 'En afbrydelse afslutter forløbet og kan ikke fortrydes.' + stepsEnded(c, d),
      label: 'Jeg bekræfter, at forløbet afbrydes',
      missing: 'Bekræft afbrydelsen, før den registreres.',
    }),
    submitLabel: 'Afbryd forløbet',
  },
  'handover-report': {
    intro:
      'Til politiets exitenhed og kommunen før løsladelsen. Mentor, timer, psykologforløb og tjekliste læses fra forløbet. Skriv aldrig en adresse i rapporten.',
    fields: (c) => [
      { name: 'plan', label: 'Planen', type: 'textarea', hint: 'Exitplanen i kort form.' },
      { name: 'planStatus', label: 'Planens status', type: 'radio', options: choiceOptions('planStatuses') },
      ...[
        ['housingOwner', 'bolig'],
        ['incomeOwner', 'forsørgelse'],
        ['jobOrEducationPlanOwner', 'job- eller uddannelsesplan'],
        ['mentorContinuityOwner', 'mentorkontinuitet'],
      ].map(([name, item]) => ({
        name,
        label: `Ansvarlig for ${item}`,
        type: 'select',
        options: choiceOptions('readinessOwners'),
      })),
      { name: 'riskAssessment', label: 'Risiko og sikkerhed', type: 'textarea', hint: 'Aldrig en adresse.' },
      {
        name: 'extendedAddressProtection',
        label: 'Udvidet adressebeskyttelse?',
        type: 'radio',
        boolean: true,
        options: YES_NO,
        hint: 'Ja: adressen oplyses kun efter behov gennem kontaktpersonen.',
      },
      ...(c.paroleLinked ? [{ name: 'paroleConditions', label: 'Vilkår for prøveløsladelse', type: 'textarea' }] : []),
      { name: 'contactName', label: 'Kontaktperson', type: 'text', hint: 'Kriminalforsorgens medarbejder.' },
      { name: 'contactPhone', label: 'Kontaktpersonens telefon', type: 'text' },
    ],
    submitLabel: 'Indsend rapporten',
  },
  'handover-view': {
    intro: 'Din organisations udtalelse til politiets exitenheds afgørelse om overdragelsen.',
    fields: [
      {
        name: 'recommendation',
        label: 'Anbefaling',
        type: 'radio',
        options: choiceOptions('handoverRecommendations'),
      },
      { name: 'view', label: 'Udtalelse', type: 'textarea' },
    ],
    submitLabel: 'Giv udtalelsen',
  },
  'handover-decision': {
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
        // The choice as the exit unit makes it (the history names the outcome: "videreført …").
        options: [
          ['with_municipality', 'Videreføres med kommunen'],
          ['municipal_exit_programme', 'Videreføres i kommunens exitprogram'],
          ['closed', 'Afsluttes'],
        ],
      },
      {
        ...reasonCode(
          () => [
            ...reasonOptions('handover_decline', 'Afvisning: ').filter(([value]) => value !== 'other'),
            ...reasonOptions('handover_closure', 'Afslutning: ').filter(([value]) => value !== 'other'),
            ['other', 'Andet'],
          ],
          'Årsag',
          'Vælges ved afvisning og når forløbet afsluttes. Ved »Andet« skal begrundelsen udfyldes.',
        ),
        optional: true,
      },
      { ...reason(), optional: true, hint: 'Skal udfyldes ved afvisning og afslutning, når årsagen er »Andet«.' },
    ],
    confirm: () => ({
      text: 'Afgørelsen kan ikke fortrydes: ved overtagelse får exitenheden sagen, ved afvisning går den tilbage til Kriminalforsorgen.',
      label: 'Jeg bekræfter afgørelsen',
      missing: 'Bekræft afgørelsen, før den registreres.',
    }),
    submitLabel: 'Registrér afgørelsen',
  },
  'handover-redirect': {
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
  'police-plan': {
    fields: [
      { name: 'summary', label: 'Planen', type: 'textarea', hint: 'Mål, aftaler og hvem der gør hvad.' },
      { name: 'runBy', label: 'Hvem kører forløbet', type: 'radio', options: choiceOptions('policePlanRunners') },
      at('recordedAt', 'Tidspunkt for planen'),
    ],
    submitLabel: 'Registrér planen',
  },
  'police-review': {
    intro: 'Den næste opfølgning åbnes fra denne.',
    fields: [
      { name: 'summary', label: 'Opfølgningen', type: 'textarea', hint: 'Hvad er nået, og hvad er aftalt.' },
      at('reviewedAt', 'Tidspunkt for opfølgningen'),
    ],
    submitLabel: 'Registrér opfølgningen',
  },
  'police-course-end': {
    fields: (c) => [
      { name: 'outcome', label: 'Udfald', type: 'radio', options: choiceOptions('policeCourseOutcomes') },
      {
        name: 'toPoliceDistrictCode',
        label: 'Ved flytning: ny politikreds',
        type: 'select',
        optional: true,
        options: unitsOfKind('police_district', c.policePhase?.policeDistrict.code),
        hint: 'Udfyldes kun, når personen er flyttet; forløbet overdrages til den politikreds.',
      },
      reasonCode(() => reasonOptions('police_course_end')),
      reasonNote(),
      at('endedAt', 'Tidspunkt for afslutningen'),
    ],
    // Irreversible: ended, the course waits only for its reoffending check; moved, it goes to another district.
    confirm: (c, d) => ({
      text:
        'Afslutningen kan ikke fortrydes: forløbet afsluttes (tilbagefaldskontrollen følger efter 12 måneder), eller det overdrages til den nye politikreds.' +
        stepsEnded(c, d),
      label: 'Jeg bekræfter afslutningen',
      missing: 'Bekræft afslutningen, før den registreres.',
    }),
    submitLabel: 'Afslut forløbet',
  },
  'reoffending-check': {
    fields: [
      {
        name: 'reoffended',
        label: 'Har personen begået ny kriminalitet?',
        type: 'radio',
        boolean: true,
        options: YES_NO,
      },
      { name: 'note', label: 'Bemærkning', type: 'textarea', optional: true },
      at('checkedAt', 'Tidspunkt for kontrollen'),
    ],
    submitLabel: 'Registrér kontrollen',
  },
};

/**
 * The decisions every youth case type shares (apps/api/src/youth-cases): the case level, and the handover at
 * 18 to the municipality's 18+ effort (SSP+).
 */
const YOUTH_FORMS = {
  'case-level': {
    id: 'case-level',
    fields: (c) => [
      {
        name: 'level',
        label: 'Niveau',
        type: 'radio',
        options: choiceOptions('caseLevels')(),
        value: c.caseLevel ? String(c.caseLevel) : undefined,
      },
      {
        ...reason(),
        optional: !c.caseLevel,
        hint: c.caseLevel ? 'En ændring af niveauet skal begrundes.' : 'Kan udelades, når niveauet sættes første gang.',
      },
    ],
    submitLabel: 'Gem niveauet',
  },
  'adult-handover': {
    id: 'adult-handover',
    intro: 'Den unge er fyldt 18. Tag stilling til, om sagen overdrages til kommunens 18+-indsats (SSP+).',
    fields: [
      {
        name: 'handedOver',
        label: 'Overdrages til kommunens 18+-indsats',
        type: 'radio',
        boolean: true,
        options: YES_NO,
      },
      { name: 'municipalityCode', label: 'Kommune', type: 'select', options: () => unitsOfKind('municipality') },
      reason(),
      at('decidedAt', 'Tidspunkt for beslutningen'),
    ],
    submitLabel: 'Registrér beslutningen',
  },
};

const DKS_FORMS = {
  assessment: {
    id: 'dks-assessment',
    fields: [
      {
        name: 'concernConversation',
        label: 'Skal der holdes en bekymringssamtale (hjemmebesøg)?',
        type: 'radio',
        boolean: true,
        options: YES_NO,
      },
      {
        ...reasonCode(() => reasonOptions('no_concern_conversation'), 'Årsag, hvis sagen afsluttes'),
        optional: true,
        hint: 'Vælges, når der ikke skal holdes en bekymringssamtale.',
      },
      {
        ...reason(),
        optional: true,
        hint: 'Skal udfyldes ved en bekymringssamtale, og ellers når årsagen er »Andet«.',
      },
      {
        name: 'caseLevel',
        label: 'Niveau',
        type: 'select',
        options: choiceOptions('caseLevels'),
        optional: true,
        hint: 'Sagens niveau, hvis det kendes nu; det kan sættes og ændres senere. Niveau 1-sager gennemgås på det månedlige koordinationsmøde.',
      },
      at('decidedAt', 'Tidspunkt for vurderingen'),
    ],
    confirm: (c, d) => ({
      when: (values) => values.concernConversation === false,
      text: 'Uden bekymringssamtale afsluttes sagen, og det kan ikke fortrydes.' + stepsEnded(c, d),
      label: 'Jeg bekræfter, at sagen afsluttes uden bekymringssamtale',
      missing: 'Bekræft, at sagen afsluttes, før vurderingen registreres.',
    }),
    submitLabel: 'Registrér vurderingen',
  },
  'home-visit-plan': {
    // A function: the municipalities are read when the form is laid out, after the reference data is loaded.
    fields: () => [
      { name: 'plannedFor', label: 'Planlagt tidspunkt', type: 'datetime' },
      {
        name: 'municipalityCode',
        label: 'Kommunens socialforvaltning',
        type: 'select',
        options: [['', 'Ingen kommune valgt'], ...unitsOfKind('municipality')],
        optional: true,
        hint: 'Socialforvaltningen ser kun tidspunktet, den unge og politikredsen.',
      },
    ],
    submitLabel: 'Gem planen',
  },
  'home-visit': {
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
  'follow-up': {
    fields: [
      { name: 'findings', label: 'Hvad viste opfølgningen', type: 'textarea' },
      at('checkedAt', 'Hvornår blev der fulgt op'),
    ],
    confirm: (c, d) => ({
      text: 'Opfølgningen afslutter sagen og kan ikke fortrydes.' + stepsEnded(c, d),
      label: 'Jeg bekræfter, at sagen afsluttes',
      missing: 'Bekræft, at sagen afsluttes, før opfølgningen registreres.',
    }),
    submitLabel: 'Registrér opfølgningen',
  },
  'case-end': {
    id: 'dks-case-end',
    intro:
      'Familien takker nej eller kan ikke træffes (efter et ja til en bekymringssamtale), eller en eksisterende handleplan fortsætter.',
    fields: [
      { name: 'outcome', label: 'Udfald', type: 'radio', options: choiceOptions('dksCaseOutcomes') },
      reasonCode(() => reasonOptions('dks_case_end')),
      reasonNote(),
      at('endedAt', 'Tidspunkt for afslutningen'),
    ],
    confirm: (c, d) => ({
      text: 'Sagen afsluttes uden hjemmebesøg og kan ikke genåbnes.' + stepsEnded(c, d),
      label: 'Jeg bekræfter, at sagen afsluttes',
      missing: 'Bekræft, at sagen afsluttes, før afslutningen registreres.',
    }),
    submitLabel: 'Afslut sagen',
  },
  move: {
    id: 'dks-move',
    intro: 'Sagen går til den nye politikreds’ DKS med historik og frister; jeres politikreds kan fortsat læse den.',
    fields: (c) => [
      {
        name: 'toPoliceDistrictCode',
        label: 'Den nye politikreds',
        type: 'select',
        options: unitsOfKind('police_district', c.policeDistrict.code),
      },
      at('movedAt', 'Hvornår flyttede den unge'),
    ],
    submitLabel: 'Flyt sagen',
  },
};

const AGREEMENT_ROWS = [0, 1, 2];

/** An initiative's owner: any open unit, named with its organisation. */
const ownerOptions = () => [
  ...unitsOfKind('municipality'),
  ...unitsOfKind('police_district'),
  ...unitsOfKind('institution'),
];
const OWNER_ORGANISATION_OF_KIND = {
  municipality: 'kommune',
  police_district: 'politi',
  institution: 'kriminalforsorgen',
};
const unitOrganisation = (code) => OWNER_ORGANISATION_OF_KIND[unitKind(code)];

const COUNCIL_FORMS = {
  invitations: {
    fields: [
      { name: 'participants', label: 'Indkaldte', type: 'checkboxes', options: choiceOptions('participantRoles') },
      at('invitedAt', 'Hvornår blev der indkaldt'),
    ],
    body: ({ participants, ...rest }) => ({ ...rest, participants: participants.map((role) => ({ role })) }),
    submitLabel: 'Registrér indkaldelsen',
  },
  meeting: {
    fields: [at('heldAt', 'Hvornår blev samrådet holdt')],
    submitLabel: 'Registrér mødet',
  },
  agreements: {
    intro:
      'Udfyld en linje pr. aftale; tomme linjer springes over. Hver aftale bliver et initiativ i handleplanen med en ejer og en frist for opfølgningen.',
    fields: [
      ...AGREEMENT_ROWS.flatMap((row) => [
        {
          name: `agreements.${row}.kind`,
          label: `Aftale ${row + 1}: type`,
          type: 'select',
          options: choiceOptions('agreementKinds'),
          optional: row > 0,
        },
        {
          name: `agreements.${row}.description`,
          label: `Aftale ${row + 1}: indhold`,
          type: 'textarea',
          optional: row > 0,
        },
        {
          name: `agreements.${row}.ownerUnit`,
          label: `Aftale ${row + 1}: ejer`,
          type: 'select',
          options: ownerOptions,
          optional: row > 0,
          hint: 'Den enhed, der ejer initiativet og følger op på det.',
        },
        {
          name: `agreements.${row}.dueDate`,
          label: `Aftale ${row + 1}: frist`,
          type: 'date',
          optional: true,
          hint: 'Opfølgningen skal ske senest denne dag.',
        },
        {
          name: `agreements.${row}.followsRelease`,
          label: `Aftale ${row + 1}: følger løsladelsen`,
          type: 'checkbox',
          optional: true,
          hint: 'Støtte ved løsladelse, hvor den unge er varetægtsfængslet: fristen er løsladelsesdatoen.',
        },
      ]),
      at('agreedAt', 'Hvornår blev aftalerne indgået'),
    ],
    body: (values) => ({
      ...(values.agreedAt ? { agreedAt: values.agreedAt } : {}),
      agreements: AGREEMENT_ROWS.filter(
        (row) => row === 0 || values[`agreements.${row}.kind`] || values[`agreements.${row}.description`],
      ).map((row) => {
        const ownerUnit = values[`agreements.${row}.ownerUnit`];
        return {
          kind: values[`agreements.${row}.kind`],
          description: values[`agreements.${row}.description`],
          ...(ownerUnit ? { ownerUnit, ownerOrganisation: unitOrganisation(ownerUnit) } : {}),
          ...(values[`agreements.${row}.followsRelease`]
            ? { followsRelease: true }
            : { dueDate: values[`agreements.${row}.dueDate`] }),
        };
      }),
    }),
    submitLabel: 'Registrér handleplanen',
  },
  'meeting-plan': {
    fields: [{ name: 'plannedFor', label: 'Planlagt mødetidspunkt', type: 'datetime' }],
    intro: 'Hvornår samrådet skal holdes. En ny plan erstatter den forrige.',
    submitLabel: 'Gem planen',
  },
  'initiative-follow-up': {
    fields: (detail) => [
      {
        name: 'initiativeId',
        label: 'Initiativ',
        type: 'select',
        options: (detail.initiatives ?? [])
          .filter((initiative) => !initiative.outcome)
          .map((initiative) => [
            initiative.id,
            `${capitalised(choiceLabel('agreementKinds', initiative.kind))} – ${initiative.owner.name}`,
          ]),
      },
      { name: 'outcome', label: 'Resultat', type: 'radio', options: choiceOptions('initiativeFollowUpOutcomes') },
      { name: 'note', label: 'Bemærkning', type: 'textarea', hint: 'Hvad opfølgningen viste.' },
      at('followedUpAt', 'Hvornår blev der fulgt op'),
    ],
    intro: 'Samrådssagen afsluttes, når alle initiativer er fulgt op.',
    submitLabel: 'Registrér opfølgningen',
  },
  'expected-release': {
    fields: [{ name: 'expectedReleaseDate', label: 'Forventet løsladelsesdato', type: 'date' }],
    intro: 'Den unge er varetægtsfængslet: støtte ved løsladelse, der følger løsladelsen, får denne dato som frist.',
    submitLabel: 'Gem datoen',
  },
  release: {
    fields: [at('releasedAt', 'Hvornår blev den unge løsladt')],
    intro: 'Støtte ved løsladelse får fristen samme dag, og initiativernes ejere får et varsel.',
    confirm: () => ({
      text: 'Løsladelsen kan ikke fortrydes.',
      label: 'Jeg bekræfter, at den unge er løsladt',
      missing: 'Bekræft løsladelsen, før den registreres.',
    }),
    submitLabel: 'Registrér løsladelsen',
  },
};

/** The concern letter's decisions (bekymringsbreve, apps/api/src/concern-letters/concern-letter.dto.ts). */
const CONCERN_LETTER_FORMS = {
  'committee-decision': {
    fields: [
      {
        name: 'decision',
        label: 'Udvalgets beslutning',
        type: 'radio',
        options: choiceOptions('concernLetterDecisions'),
      },
      {
        name: 'participants',
        label: 'Deltagende parter',
        type: 'checkboxes',
        options: () => choices('committeeParties'),
        hint: 'Beslutningen er fælles: mindst politiet (EAS eller DKS) og kommunen (SSP eller kommunens exitenhed).',
      },
      reason(),
      at('decidedAt', 'Tidspunkt for beslutningen'),
    ],
    confirm: (c, d) => ({
      when: (values) => values.decision === 'not_send',
      text: 'Uden bekymringsbrev afsluttes sagen, og det kan ikke fortrydes.' + stepsEnded(c, d),
      label: 'Jeg bekræfter, at sagen afsluttes uden bekymringsbrev',
      missing: 'Bekræft, at sagen afsluttes, før beslutningen registreres.',
    }),
    submitLabel: 'Registrér beslutningen',
  },
  'delivery-attempt': {
    fields: [
      { name: 'result', label: 'Resultat', type: 'radio', options: choiceOptions('deliveryResults') },
      { name: 'note', label: 'Bemærkning', type: 'textarea', optional: true },
      at('attemptedAt', 'Tidspunkt for forsøget'),
    ],
    intro:
      'Ikke truffet eller afvist: forældrene kontaktes (retsplejelovens § 115a). Ukendt adresse: prøv igen, eller afslut uden aflevering under »Udfald«.',
    submitLabel: 'Registrér forsøget',
  },
  'parents-contact': {
    fields: [
      { name: 'reached', label: 'Blev forældrene truffet?', type: 'radio', boolean: true, options: YES_NO },
      { name: 'note', label: 'Referat af kontakten', type: 'textarea' },
      at('contactedAt', 'Tidspunkt for kontakten'),
    ],
    submitLabel: 'Registrér kontakten',
  },
  'follow-up': {
    fields: [
      { name: 'findings', label: 'Hvad viste opfølgningen', type: 'textarea' },
      at('followedUpAt', 'Hvornår blev der fulgt op'),
    ],
    submitLabel: 'Registrér opfølgningen',
  },
  outcome: {
    fields: [
      { name: 'outcome', label: 'Udfald', type: 'radio', options: choiceOptions('concernLetterOutcomes') },
      {
        ...reason('Begrundelse'),
        optional: true,
        hint: 'Skal udfyldes, når et brev med ukendt adresse afsluttes uden aflevering.',
      },
      at('decidedAt', 'Tidspunkt for udfaldet'),
    ],
    intro: '»Exit-forløb startet« starter et exit-forløb uden for fængslet for personen (henvist af bekymringsbrev).',
    confirm: (c, d) => ({
      text: 'Udfaldet afslutter sagen og kan ikke fortrydes.' + stepsEnded(c, d),
      label: 'Jeg bekræfter, at sagen afsluttes',
      missing: 'Bekræft, at sagen afsluttes, før udfaldet registreres.',
    }),
    submitLabel: 'Registrér udfaldet',
  },
};

export const CASE_FORMS = {
  'exit-courses': EXIT_COURSE_FORMS,
  'dks-cases': { ...DKS_FORMS, ...YOUTH_FORMS },
  'network-councils': { ...COUNCIL_FORMS, ...YOUTH_FORMS },
  'concern-letters': CONCERN_LETTER_FORMS,
};

const GENERIC_FIELD_TYPES = {
  instant: 'datetime',
  date: 'date',
  boolean: 'checkbox',
  integer: 'number',
  number: 'number',
};

/** A decision the server offers that the page has no layout for yet: its fields as the server lists them. */
function genericLayout(decision) {
  return {
    fields: decision.fields
      .filter((field) => field.kind !== 'list')
      .map((field) => ({
        name: field.name,
        label: field.name,
        optional: !field.required,
        ...(field.kind === 'choice'
          ? { type: 'select', options: field.choices.map((choice) => [choice, choice]) }
          : { type: GENERIC_FIELD_TYPES[field.kind] ?? 'text' }),
      })),
    submitLabel: 'Registrér',
  };
}

/** One decision's form for this case: the server's decision, laid out by the page. */
export function decisionForm(resource, decision, detail) {
  const layout = CASE_FORMS[resource]?.[decision.name] ?? genericLayout(decision);
  const fields = typeof layout.fields === 'function' ? layout.fields(detail) : layout.fields;
  return {
    ...layout,
    id: layout.id ?? decision.name,
    action: decision.name,
    title: decision.label,
    step: decision.completesStep,
    fields: fields.map((field) =>
      typeof field.options === 'function' ? { ...field, options: field.options() } : field,
    ),
    ...(layout.confirm ? { confirm: layout.confirm(detail, decision) } : {}),
  };
}

/** The forms of the decisions the server offers this user on this case now, in the server's order. */
export function formsFor(resource, detail) {
  return (detail.availableDecisions ?? []).map((decision) => decisionForm(resource, decision, detail));
}

/** The layouts of the case kernel's deadline decisions on a step (POST /api/cases/<sag>/steps/<trin>/<name>). */
const STEP_FORMS = {
  suspend: {
    fields: [
      { name: 'reason', label: 'Årsag', type: 'radio', options: choiceOptions('deadlineWaitReasons') },
      { name: 'note', label: 'Bemærkning', type: 'textarea', hint: 'Hvad der ventes på.' },
      {
        name: 'expectedUntil',
        label: 'Forventet afsluttet',
        type: 'datetime',
        optional: true,
        hint: 'Hvornår ventetiden forventes at slutte, hvis det vides.',
      },
    ],
    intro: 'Fristen løber ikke, mens den er i bero; ved genoptagelse flyttes den med den tid, der er gået.',
    submitLabel: 'Sæt fristen i bero',
  },
  resume: {
    fields: [],
    intro: 'Fristen flyttes med den tid, den har været i bero.',
    submitLabel: 'Genoptag fristen',
  },
  extend: {
    fields: [
      { name: 'reason', label: 'Årsag', type: 'radio', options: choiceOptions('deadlineWaitReasons') },
      { name: 'note', label: 'Bemærkning', type: 'textarea', hint: 'Hvorfor fristen forlænges.' },
      { name: 'dueAt', label: 'Ny frist', type: 'datetime', hint: 'Skal ligge efter den nuværende frist.' },
    ],
    submitLabel: 'Forlæng fristen',
  },
  'missed-reason': {
    fields: [
      { name: 'reason', label: 'Årsag', type: 'radio', options: choiceOptions('missedDeadlineReasons') },
      { name: 'note', label: 'Bemærkning', type: 'textarea', hint: 'Hvorfor den lovbundne frist blev overskredet.' },
    ],
    submitLabel: 'Registrér årsagen',
  },
};

/**
 * The deadline decisions the server offers on each step of this case now (`steps[].decisions`), as forms
 * that post to the step's own route.
 */
export function stepFormsFor(detail) {
  return (detail.steps ?? []).flatMap((step) =>
    (step.decisions ?? []).map((decision) => {
      const layout = STEP_FORMS[decision.name] ?? genericLayout(decision);
      return {
        ...layout,
        id: `${decision.name}-${step.id}`,
        action: decision.name,
        path: `/api/cases/${encodeURIComponent(detail.id)}/steps/${encodeURIComponent(step.id)}/${decision.name}`,
        title: decision.label,
        stepId: step.id,
        fields: layout.fields.map((field) =>
          typeof field.options === 'function' ? { ...field, options: field.options() } : field,
        ),
      };
    }),
  );
}
