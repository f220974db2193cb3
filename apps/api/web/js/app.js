import { can, session, whenUnauthenticated } from './api.js';
import { html, render } from './html.js';
import { loadReferenceData } from './reference.js';
import { caseView } from './views/case.js';
import { casesView } from './views/cases.js';
import { heading } from './views/common.js';
import { figuresView } from './views/figures.js';
import { question1903View } from './views/question-1903.js';
import { youthFiguresView } from './views/youth-figures.js';
import { handoversView } from './views/handovers.js';
import { comingHandoversView } from './views/handover-preparation.js';
import { loginView } from './views/login.js';
import { operationsView } from './views/operations.js';
import { outboxView } from './views/outbox.js';
import { personView } from './views/person.js';
import { mayStartCases, startView } from './views/start.js';
import { policeDocumentationView } from './views/police-documentation.js';
import { unitsView } from './views/units.js';
import { dueSoonView, mineView, overdueView } from './views/steps.js';
import { usersView } from './views/users.js';
import { absencesView, workloadView } from './views/staff.js';
import { homeVisitsView } from './views/home-visits.js';
import { concernLettersView } from './views/concern-letters.js';
import { levelOneReviewsView } from './views/level-one-reviews.js';
import { courseCoordinationsView } from './views/course-coordinations.js';
import { accessRequestsView } from './views/access-requests.js';
import { retentionView } from './views/retention.js';

/**
 * The page: hash routes (`#/tavle`, `#/sag/<type>/<id>`), a navigation of what the user's role may use,
 * focus on the new view's heading after every navigation.
 */
/** The social services read no case as such (only their home visits): no boards or case lists for them. */
const readsCases = (user) => can(user, 'case:read') && !can(user, 'home-visit:read');
const DECIDES = [
  'exit-course:decide',
  'handover:decide',
  'dks:decide',
  'council:decide',
  'concern-letter:decide',
  'concern-letter:deliver',
];
const ROUTES = [
  {
    path: 'opgaver',
    label: 'Mine opgaver',
    view: mineView,
    allowed: (user) => DECIDES.some((permission) => can(user, permission)),
  },
  {
    path: 'overdragelser',
    label: 'Overdragelser',
    view: handoversView,
    allowed: (user) => can(user, 'handover:decide'),
  },
  {
    path: 'kommende',
    label: 'Kommende overdragelser',
    view: comingHandoversView,
    // The police exit unit and the municipality: those the release notice goes to.
    allowed: (user) => can(user, 'handover:decide') || (can(user, 'handover:view') && !can(user, 'exit-course:decide')),
  },
  {
    path: 'dokumentation',
    label: 'Dokumentation fra politiet',
    view: policeDocumentationView,
    allowed: (user) => can(user, 'police-documentation:read'),
  },
  { path: 'tavle', label: 'Overskredne frister', view: overdueView, allowed: readsCases },
  { path: 'snart', label: 'Snart forfaldne', view: dueSoonView, allowed: readsCases },
  { path: 'sager', label: 'Sager', view: casesView, allowed: readsCases },
  { path: 'ny', label: 'Ny sag', view: startView, allowed: mayStartCases },
  { path: 'tal', label: 'Tal', view: figuresView, allowed: (user) => can(user, 'reports:read') },
  // Reached from Tal (a link under the cohort figures), not from the menu.
  {
    path: 'spoergsmaal-1903',
    label: 'Spørgsmål 1903',
    view: question1903View,
    allowed: (user) => can(user, 'reports:read'),
    hidden: true,
    under: 'tal',
  },
  // The police and the municipalities hold the youth cases; Kriminalforsorgen none.
  {
    path: 'ungeomraadet',
    label: 'Ungeområdet i tal',
    view: youthFiguresView,
    allowed: (user) => can(user, 'reports:read') && user.organisation !== 'kriminalforsorgen',
  },
  {
    path: 'arbejdsbyrde',
    label: 'Arbejdsbyrde',
    view: workloadView,
    allowed: (user) => can(user, 'workload:read'),
  },
  { path: 'fravaer', label: 'Fravær', view: absencesView, allowed: (user) => can(user, 'absence:record') },
  { path: 'drift', label: 'Drift', view: operationsView, allowed: (user) => can(user, 'cases:attention') },
  { path: 'udsendelser', label: 'Udsendelser', view: outboxView, allowed: (user) => can(user, 'notices:read') },
  { path: 'brugere', label: 'Brugere', view: usersView, allowed: (user) => can(user, 'users:read') },
  { path: 'enheder', label: 'Enheder', view: unitsView, allowed: (user) => can(user, 'units:manage') },
  {
    path: 'bekymringsbreve',
    label: 'Bekymringsbreve',
    view: concernLettersView,
    allowed: (user) =>
      ['concern-letter:round', 'concern-letter:propose', 'concern-letter:decide', 'concern-letter:deliver'].some(
        (permission) => can(user, permission),
      ),
  },
  { path: 'sag', view: caseView, allowed: (user) => can(user, 'case:read'), hidden: true },
  { path: 'person', label: 'Person', view: personView, allowed: (user) => can(user, 'person:read'), hidden: true },
  { path: 'hjemmebesoeg', label: 'Hjemmebesøg', view: homeVisitsView, allowed: (user) => can(user, 'home-visit:read') },
  {
    path: 'koordinationsmoede',
    label: 'Koordinationsmøde',
    view: levelOneReviewsView,
    // The youth units' caseworkers record it; their supervisors see what is due.
    allowed: (user) =>
      can(user, 'case-level:set') || (user.role === 'supervisor' && ['politi', 'kommune'].includes(user.organisation)),
  },
  {
    path: 'koordinering',
    label: 'Koordinering',
    view: courseCoordinationsView,
    allowed: (user) => can(user, 'course-coordination:resolve'),
  },
  {
    path: 'indsigt',
    label: 'Indsigt',
    view: accessRequestsView,
    allowed: (user) => can(user, 'access-request:handle'),
  },
  { path: 'sletning', label: 'Sletning', view: retentionView, allowed: (user) => can(user, 'retention:review') },
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const userBox = document.getElementById('user-box');
const announcer = document.getElementById('announcer');
let flash = null;
let navigation = 0;

function parseHash() {
  const [path, search = ''] = location.hash.replace(/^#\/?/, '').split('?');
  const [first = '', ...segments] = path.split('/').map(decodeURIComponent);
  return { first, segments, params: new URLSearchParams(search) };
}

function focusHeading() {
  const target = main.querySelector('h1');
  target?.focus();
}

function renderChrome(user, current) {
  document.body.classList.toggle('logged-out', !user);
  if (!user) {
    render(nav, '');
    render(userBox, '');
    return;
  }
  render(
    nav,
    html`<ul>
      ${ROUTES.filter((route) => !route.hidden && route.allowed(user)).map(
        (route) =>
          html`<li>
            <a href="#/${route.path}" ${route.path === current ? html` aria-current="page"` : ''}>${route.label}</a>
          </li>`,
      )}
    </ul>`,
  );
  render(
    userBox,
    html`<span class="who"><strong>${user.displayName}</strong><span class="role">${user.roleLabel}</span></span>
      <button type="button" class="button quiet" id="logout">Log ud</button>`,
  );
}

/** Goes to a route; shows it at once when the address is already there (no hashchange then). */
function go(hash) {
  if (location.hash === hash) show();
  else location.hash = hash;
}

function defaultRoute(user) {
  return ROUTES.find((route) => !route.hidden && route.allowed(user));
}

async function show() {
  const current = ++navigation;
  const user = session.user;
  const { first, segments, params } = parseHash();
  const root = document.createElement('div');
  root.className = 'view';
  if (!user) {
    renderChrome(null);
    main.replaceChildren(root);
    document.title = 'Log ind · exitflow';
    loginView(root, { flash, onLoggedIn: show });
    flash = null;
    focusHeading();
    return;
  }
  const route = ROUTES.find((candidate) => candidate.path === first && candidate.allowed(user));
  if (!route) {
    const fallback = defaultRoute(user);
    if (fallback) {
      location.replace(`#/${fallback.path}`);
      return;
    }
    renderChrome(user, '');
    main.replaceChildren(root);
    render(
      root,
      html`${heading('Ingen sager her')}
        <p class="lead">Din rolle (${user.roleLabel}) arbejder ikke med sager på denne side.</p>`,
    );
    focusHeading();
    return;
  }
  renderChrome(user, route.hidden ? (route.under ?? '') : route.path);
  document.title = `${route.label ?? 'Sag'} · exitflow`;
  main.setAttribute('aria-busy', 'true');
  main.replaceChildren(Object.assign(document.createElement('p'), { className: 'loading', textContent: 'Henter …' }));
  try {
    await loadReferenceData();
  } catch {
    // A view without names still works: codes are shown instead.
  }
  await route.view(root, { segments, params, user, focus: focusHeading });
  if (current !== navigation) return;
  main.replaceChildren(root);
  main.removeAttribute('aria-busy');
  announcer.textContent = document.title;
  focusHeading();
}

whenUnauthenticated((message) => {
  flash = message || 'Du er logget ud. Log ind igen.';
  go('#/');
});

userBox.addEventListener('click', (event) => {
  if (!event.target.closest('#logout')) return;
  // Revokes the Temporal UI's codec credential, if operations opened the UI (the cookie goes to /api/codec only).
  void fetch('/api/codec/credential', { method: 'DELETE' }).catch(() => undefined);
  session.clear();
  flash = 'Du er logget ud.';
  go('#/');
});

document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  focusHeading();
});

window.addEventListener('hashchange', show);
show();
