import { api, can } from '../api.js';
import { clearProblems, formHtml, handleForms, showProblem } from '../forms.js';
import { html, render } from '../html.js';
import { caseResource, choices, unitsOfKind } from '../reference.js';
import { heading, notice, problemText } from './common.js';
import { ageToday, attachFinder, cprFacts, cprProblem, finderHtml, withField } from './person-finder.js';

/**
 * "Ny sag": find the person (CPR number or name) or register them, then start the case types the user's
 * role may start. Each start form shown has its own Idempotency-Key, kept when the request fails (a retry
 * after a lost answer) and after a double click: the API makes one case of it. The age rules and the one
 * open exit course are explained before sending; the API's refusals are shown as they come.
 */
const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);
const YES_NO = [
  ['true', 'Ja'],
  ['false', 'Nej'],
];

/** The user's own units of a kind: the only ones a case can be started for. */
export const ownUnits = (user, kind) => unitsOfKind(kind).filter(([code]) => user.units.includes(code));

const unitField = (user, kind, name, label) => {
  const options = ownUnits(user, kind);
  return { name, label, type: 'select', options, value: options.length === 1 ? options[0][0] : '' };
};

/** When an exit course was referred: its suitability assessment's deadline counts from it. */
const REFERRED_AT_FIELD = {
  name: 'referredAt',
  label: 'Tidspunkt for henvisningen',
  type: 'datetime',
  optional: true,
  hint: 'Tom: nu. Fristen for egnethedsvurderingen regnes herfra.',
};

/** The police district or municipality a course outside prison is started for: one of the user's own. */
const startingUnitField = (user) => {
  const options = [...ownUnits(user, 'police_district'), ...ownUnits(user, 'municipality')];
  return {
    name: 'startingUnitCode',
    label: 'Enhed',
    type: 'select',
    options,
    value: options.length === 1 ? options[0][0] : '',
  };
};

/** The case types a role may start: each with its start form (the fields of the API's start DTO). */
const STARTS = [
  {
    caseType: 'exit_course',
    permission: 'exit-course:start',
    path: '/api/exit-courses',
    title: 'Start et exit-forløb',
    rules: [
      'En person kan kun have ét åbent exit-forløb ad gangen. Et nyt kan startes, når det åbne er afsluttet.',
      'Egnethedsvurderingen åbnes med frist fra henvisningen.',
    ],
    fields: (user) => [
      unitField(user, 'institution', 'institutionCode', 'Institution'),
      { name: 'expectedReleaseDate', label: 'Forventet løsladelsesdato', type: 'date' },
      {
        name: 'paroleLinked',
        label: 'Knyttet til prøveløsladelse (Bander bag tremmer)?',
        type: 'radio',
        options: YES_NO,
        boolean: true,
      },
      REFERRED_AT_FIELD,
    ],
    submitLabel: 'Start exit-forløbet',
  },
  {
    caseType: 'exit_course',
    id: 'start-exit-course-outside-prison',
    permission: 'exit-course:start-outside',
    path: '/api/exit-courses/outside-prison',
    title: 'Start et exit-forløb uden for fængslet',
    rules: [
      'En person kan kun have ét åbent exit-forløb ad gangen. Et nyt kan startes, når det åbne er afsluttet.',
      'I registrerer selv egnethedsvurderingen og exit-aftalen; fra aftalen køres forløbet af politiets exitenhed.',
    ],
    fields: (user) => [
      startingUnitField(user),
      {
        name: 'referralSource',
        label: 'Henvist af',
        type: 'radio',
        // Kriminalforsorgen refers the courses that start in prison, never one outside.
        options: choices('referralSources')
          .filter(([value]) => value !== 'kriminalforsorgen')
          .map(([value, label]) => [value, capitalised(label)]),
      },
      ...(ownUnits(user, 'municipality').length
        ? [
            {
              name: 'policeDistrictCode',
              label: 'Politikreds',
              type: 'select',
              options: unitsOfKind('police_district'),
              hint: 'Den politikreds, hvis exitenhed forløbet køres med efter aftalen.',
            },
          ]
        : []),
      REFERRED_AT_FIELD,
    ],
    submitLabel: 'Start exit-forløbet',
  },
  {
    caseType: 'dks_assessment',
    permission: 'dks:decide',
    path: '/api/dks-cases',
    title: 'Registrér en DKS-sag',
    rules: [
      'En DKS-sag gælder en ung under 18 år på tidspunktet for sigtelsen eller observationen.',
      'DKS-vurderingen skal foreligge inden 24 timer fra det tidspunkt.',
    ],
    youth: true,
    fields: (user) => [
      unitField(user, 'police_district', 'policeDistrictCode', 'Politikreds'),
      {
        name: 'trigger',
        label: 'Anledning',
        type: 'radio',
        options: choices('dksTriggers').map(([value, label]) => [value, capitalised(label)]),
      },
      {
        name: 'triggeredAt',
        label: 'Tidspunkt for sigtelsen eller observationen',
        type: 'datetime',
        hint: 'De 24 timer og den unges alder regnes herfra.',
      },
    ],
    submitLabel: 'Registrér DKS-sagen',
  },
  {
    caseType: 'network_council',
    permission: 'council:decide',
    path: '/api/network-councils',
    title: 'Registrér et netværkssamråd',
    rules: [
      'Et netværkssamråd gælder en ung under 18 år, da dokumentationen fra politiet blev modtaget.',
      'Samrådet skal indkaldes inden 7 dage efter modtagelsen.',
    ],
    youth: true,
    fields: (user) => [
      unitField(user, 'municipality', 'municipalityCode', 'Kommune'),
      {
        name: 'suspicion',
        label: 'Mistanke',
        type: 'radio',
        options: choices('suspicions').map(([value, label]) => [value, capitalised(label)]),
      },
      {
        name: 'documentationReceivedAt',
        label: 'Dokumentationen fra politiet modtaget',
        type: 'datetime',
        hint: 'De 7 dage og den unges alder regnes herfra.',
      },
    ],
    submitLabel: 'Registrér netværkssamrådet',
  },
  {
    caseType: 'network_council',
    id: 'send-police-documentation',
    permission: 'police-documentation:send',
    path: '/api/police-documentation',
    title: 'Send dokumentation til kommunen',
    rules: [
      'Dokumentationen gælder en ung under 18 år, der er mistænkt eller sigtet for alvorlig kriminalitet.',
      'Kommunen modtager den, når den sendes: netværkssamrådet skal indkaldes inden 7 dage herfra.',
    ],
    youth: true,
    fields: (user) => [
      unitField(user, 'police_district', 'policeDistrictCode', 'Politikreds'),
      { name: 'municipalityCode', label: 'Kommune', type: 'select', options: unitsOfKind('municipality') },
      {
        name: 'suspicion',
        label: 'Mistanke',
        type: 'radio',
        options: choices('suspicions').map(([value, label]) => [value, capitalised(label)]),
      },
      {
        name: 'offence',
        label: 'Lovovertrædelse',
        type: 'textarea',
        hint: 'Gemmes krypteret; kun kommunen og jer ser den.',
      },
    ],
    submitLabel: 'Send dokumentationen',
    // The sender sees what it sent, not the council.
    answerHash: (answer) => `#/dokumentation/${encodeURIComponent(answer.caseId)}`,
  },
];

/** Whether the user may start any case here (the navigation shows "Ny sag" only then). */
export const mayStartCases = (user) => can(user, 'person:read') && STARTS.some((start) => can(user, start.permission));

const REGISTER_FORM = {
  id: 'register-person',
  fields: [
    { name: 'name', label: 'Fulde navn', type: 'text' },
    { name: 'cpr', label: 'CPR-nummer', type: 'text', hint: 'DDMMÅÅ-XXXX.' },
  ],
  submitLabel: 'Registrér personen',
};

/** A new Idempotency-Key for a start form (kept while its request is retried). */
export function newKey() {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function ageNote(person, start) {
  if (!person.birthDate) return '';
  const age = ageToday(person.birthDate);
  if (start.youth && age >= 18)
    return notice(
      'warning',
      `Personen er ${age} år i dag. Sagen kan kun registreres, hvis personen var under 18 på tidspunktet.`,
    );
  return '';
}

function personCard(person) {
  const open = person.cases.filter((c) => !c.closedAt);
  return html`<section class="panel chosen-person" aria-labelledby="person-heading">
    <h2 id="person-heading">Personen</h2>
    <dl class="facts">
      <div>
        <dt>Navn</dt>
        <dd>${person.name}</dd>
      </div>
      ${cprFacts(person)}
      <div>
        <dt>Åbne sager, du har adgang til</dt>
        <dd>${open.length ? open.map((c) => `${c.caseTypeLabel}: ${c.statusText}`).join('; ') : 'ingen'}</dd>
      </div>
    </dl>
    <p><a href="#/person/${encodeURIComponent(person.personRef)}">Se personens sager</a></p>
    <button type="button" class="button quiet" data-other-person>Vælg en anden person</button>
  </section>`;
}

function startSection(person, starts, specs) {
  return html`<section class="panel start-cases" aria-labelledby="start-heading">
    <h2 id="start-heading">Start sagen</h2>
    ${starts.map(
      (start, index) =>
        html`<div class="start-case">
          <h3>${start.title}</h3>
          <div class="rules" role="note" aria-label="Regler for ${start.title.toLowerCase()}">
            <ul>
              ${start.rules.map((rule) => html`<li>${rule}</li>`)}
            </ul>
          </div>
          ${ageNote(person, start)} ${formHtml(specs[index])}
        </div>`,
    )}
  </section>`;
}

function registerSection(draft) {
  return html`<section class="panel register-person" aria-labelledby="register-heading">
    <h2 id="register-heading">Registrér en ny person</h2>
    <p class="lead">
      Findes personen ikke, registreres de for din enhed. Navn og CPR-nummer gemmes krypteret; sagerne bruger kun en
      pseudonym reference.
    </p>
    ${formHtml({ ...REGISTER_FORM, fields: REGISTER_FORM.fields.map((field) => ({ ...field, value: draft[field.name] ?? '' })) })}
  </section>`;
}

export async function startView(root, { user, params }) {
  const starts = STARTS.filter((start) => can(user, start.permission));
  const mayRegister = can(user, 'person:register');
  let person = null;
  let specs = [];
  let draft = {};
  let flash = null;

  const show = () => {
    if (person) {
      // A new form, a new key: the key of a form stays while it is shown (retries, double clicks).
      specs = starts.map((start) => ({
        id: start.id ?? `start-${start.caseType}`,
        fields: start.fields(user),
        submitLabel: start.submitLabel,
        start,
        key: newKey(),
        body: (values) => ({ personRef: person.personRef, ...values }),
      }));
    }
    render(
      root,
      html`${heading('Ny sag', 'Find personen på CPR-nummer eller navn, eller registrér dem, og start sagen.')}
      ${flash ? notice('success', flash) : ''}
      ${
        person
          ? html`${personCard(person)}${startSection(person, starts, specs)}`
          : html`${finderHtml()}${mayRegister ? registerSection(draft) : ''}`
      }`,
    );
  };

  const choose = async (personRef, message) => {
    try {
      person = await api.get(`/api/persons/${encodeURIComponent(personRef)}`);
      flash = message ?? null;
    } catch (problem) {
      person = null;
      flash = null;
      show();
      render(root.querySelector('#finder-results'), notice('error', problemText(problem)));
      return;
    }
    show();
    root.querySelector('#person-heading')?.setAttribute('tabindex', '-1');
    root.querySelector('#person-heading')?.focus();
  };

  attachFinder(root, {
    choose: true,
    onFound: (found) => choose(found.personRef),
    onNotFound: (cpr) => {
      draft = { ...draft, cpr };
      const field = root.querySelector('#register-person-cpr');
      if (field) field.value = cpr;
    },
    onChosen: (personRef) => choose(personRef),
  });

  root.addEventListener('click', (event) => {
    if (!event.target.closest('[data-other-person]')) return;
    person = null;
    flash = null;
    show();
    root.querySelector('h1')?.focus();
  });

  root.addEventListener('submit', async (event) => {
    const form = event.target.closest('form[data-form]');
    if (form?.id !== REGISTER_FORM.id) return;
    event.preventDefault();
    clearProblems(form);
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const cpr = String(data.get('cpr') ?? '').trim();
    draft = { name, cpr };
    const problems = [
      name.length < 2 && { field: 'name', problems: ['Skriv personens fulde navn.'] },
      cprProblem(cpr) && { field: 'cpr', problems: [cprProblem(cpr)] },
    ].filter(Boolean);
    if (problems.length) {
      showProblem(form, { message: 'Ret de markerede felter.', details: problems });
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const answer = await api.post('/api/persons', { name, cpr });
      draft = {};
      await choose(answer.personRef, 'Personen er registreret.');
    } catch (problem) {
      if (problem.status !== 401) showProblem(form, withField(problem, 'cpr'));
    } finally {
      button.disabled = false;
    }
  });

  handleForms(
    root,
    () => specs,
    (spec) => spec.start.path,
    (answer, spec) => {
      location.hash = spec.start.answerHash
        ? spec.start.answerHash(answer)
        : `#/sag/${caseResource(spec.start.caseType)}/${encodeURIComponent(answer.id)}`;
    },
    { headersOf: (spec) => ({ 'idempotency-key': spec.key }) },
  );

  const preselected = params.get('person');
  if (preselected) await choose(preselected);
  else show();
}
