import { composeNotice, OPERATIONS_RECIPIENT, type OutboxNotice } from './outgoing-notice';

const CASE_ID = '3f2c9a1e-5b7d-4c8e-9a6f-1d2e3f4a5b6c';
const WEB_URL = 'https://exitflow.example/';
const FOOTER = 'Beskeden indeholder ingen personoplysninger. Log ind for at se sagen.';

/** The recipients as the outbox reads them from organisation_units. */
const RECIPIENTS: Record<string, OutboxNotice['recipient']> = {
  'KF-NYBORG': { name: 'Nyborg Fængsel', kind: 'institution' },
  'KOM-0101': { name: 'Københavns Kommune', kind: 'municipality' },
  'KOM-0751': { name: 'Aarhus Kommune', kind: 'municipality' },
  'POL-FYN': { name: 'Fyns Politi', kind: 'police_district' },
  'POL-KBH': { name: 'Københavns Politi', kind: 'police_district' },
  'POL-OESTJYLLAND': { name: 'Østjyllands Politi', kind: 'police_district' },
};

const notice = (overrides: Partial<OutboxNotice>): OutboxNotice => ({
  id: 'notice-1',
  caseId: CASE_ID,
  caseType: 'exit_course',
  recipientUnit: 'KF-NYBORG',
  recipient: RECIPIENTS[overrides.recipientUnit ?? 'KF-NYBORG'] ?? null,
  kind: 'prison_transfer',
  stepKind: null,
  dueAt: null,
  attempts: 1,
  ...overrides,
});

/** The text every notice about a case has: the recipient, the subject, the case by type and id, the link. */
const caseText = (to: string, subject: string, caseTypeLabel: string, resource: string) =>
  [
    `Til: ${to}`,
    '',
    subject,
    `Sagstype: ${caseTypeLabel}`,
    `Sag: ${CASE_ID}`,
    '',
    `Se sagen: https://exitflow.example/#/sag/${resource}/${CASE_ID}`,
    '',
    FOOTER,
  ].join('\n');

describe('composeNotice — deadline notices go to the role whose turn the step is', () => {
  it('warns the DKS of a police district of its 24-hour assessment, with the deadline in Danish time', () => {
    const warning = notice({
      caseType: 'dks_assessment',
      recipientUnit: 'POL-KBH',
      kind: 'deadline_warning',
      stepKind: 'dks_assessment',
      dueAt: new Date('2026-03-29T04:00:00.000Z'),
    });
    const subject = 'Frist nærmer sig: DKS-vurdering af bekymringssamtale senest 29.03.2026 kl. 06.00';
    expect(composeNotice(warning, WEB_URL)).toEqual({
      noticeId: 'notice-1',
      recipientUnit: 'POL-KBH',
      recipientRole: 'dks_officer',
      escalation: false,
      subject,
      text: caseText('Københavns Politi – Den Kriminalpræventive Sektion (DKS)', subject, 'DKS-sag', 'dks-cases'),
    });
  });

  it('tells the same district’s exit unit, not its DKS, that a handover decision is overdue, and escalates', () => {
    const overdue = notice({
      recipientUnit: 'POL-KBH',
      kind: 'deadline_overdue',
      stepKind: 'handover_decision',
      dueAt: new Date('2026-03-10T10:30:00.000Z'),
    });
    const subject =
      'Frist overskredet: Politiets exitenheds stillingtagen til overdragelse skulle være sket senest 10.03.2026 kl. 11.30';
    expect(composeNotice(overdue, WEB_URL)).toEqual({
      noticeId: 'notice-1',
      recipientUnit: 'POL-KBH',
      recipientRole: 'police_exit_officer',
      escalation: true,
      subject,
      text: caseText('Københavns Politi – Politiets exitenhed', subject, 'Exit-forløb', 'exit-courses'),
    });
  });

  it('writes a deadline at local midnight as the end of the day before (kl. 24.00)', () => {
    // Network council convening due by the end of Monday 9 March 2026 (00:00 CET on 10 March).
    const composed = composeNotice(
      notice({
        caseType: 'network_council',
        recipientUnit: 'KOM-0101',
        kind: 'deadline_warning',
        stepKind: 'network_council_convening',
        dueAt: new Date('2026-03-09T23:00:00.000Z'),
      }),
      WEB_URL,
    );
    expect(composed.subject).toBe('Frist nærmer sig: Indkaldelse til netværkssamråd senest 09.03.2026 kl. 24.00');
    expect(composed.recipientRole).toBe('municipality_caseworker');
    expect(composed.text).toBe(
      caseText('Københavns Kommune – Sagsbehandler, kommune', composed.subject, 'Netværkssamråd', 'network-councils'),
    );
  });

  it('sends an exit course’s own deadlines to the prison’s caseworker', () => {
    const composed = composeNotice(
      notice({ kind: 'deadline_warning', stepKind: 'agreement_signing', dueAt: new Date('2026-07-01T08:00:00Z') }),
      WEB_URL,
    );
    expect([composed.recipientRole, composed.subject]).toEqual([
      'kf_caseworker',
      'Frist nærmer sig: Underskrift af exit-aftale senest 01.07.2026 kl. 10.00',
    ]);
  });

  it('names a step kind it does not know by its code, and addresses the unit’s role in exit courses', () => {
    const composed = composeNotice(
      notice({
        recipientUnit: 'POL-FYN',
        kind: 'deadline_overdue',
        stepKind: 'concern_letter',
        dueAt: new Date('2026-03-10T10:30:00.000Z'),
      }),
      WEB_URL,
    );
    expect(composed.subject).toBe('Frist overskredet: concern_letter skulle være sket senest 10.03.2026 kl. 11.30');
    expect(composed.recipientRole).toBe('police_exit_officer');
  });
});

describe('composeNotice — notices about an exit course go to the unit’s role in exit courses', () => {
  it.each([
    [
      'prison_transfer',
      'KF-NYBORG',
      'Nyborg Fængsel – Sagsbehandler, Kriminalforsorgen',
      'kf_caseworker',
      'Exit-forløb overført til et andet fængsel',
    ],
    [
      'release_notice',
      'KOM-0101',
      'Københavns Kommune – Sagsbehandler, kommune',
      'municipality_caseworker',
      'Varsel om løsladelse af en person i exit-forløb',
    ],
    [
      'release_notice',
      'POL-KBH',
      'Københavns Politi – Politiets exitenhed',
      'police_exit_officer',
      'Varsel om løsladelse af en person i exit-forløb',
    ],
    [
      'release_date_changed',
      'KOM-0751',
      'Aarhus Kommune – Sagsbehandler, kommune',
      'municipality_caseworker',
      'Forventet løsladelsesdato er ændret',
    ],
    [
      'release',
      'POL-OESTJYLLAND',
      'Østjyllands Politi – Politiets exitenhed',
      'police_exit_officer',
      'En person i exit-forløb er løsladt',
    ],
    [
      'handover',
      'POL-FYN',
      'Fyns Politi – Politiets exitenhed',
      'police_exit_officer',
      'Exit-forløb overdraget til jeres exitenhed',
    ],
  ])('%s to %s', (kind, recipientUnit, to, recipientRole, subject) => {
    expect(composeNotice(notice({ kind, recipientUnit }), WEB_URL)).toEqual({
      noticeId: 'notice-1',
      recipientUnit,
      recipientRole,
      escalation: false,
      subject,
      text: caseText(to, subject, 'Exit-forløb', 'exit-courses'),
    });
  });

  it('addresses a code no unit has by the code itself', () => {
    const composed = composeNotice(notice({ kind: 'release', recipientUnit: 'KF-LUKKET' }), WEB_URL);
    expect(composed.recipientRole).toBe('kf_caseworker');
    expect(composed.text.split('\n')[0]).toBe('Til: KF-LUKKET – Sagsbehandler, Kriminalforsorgen');
  });

  it('names a notice kind it does not know by its code', () => {
    const composed = composeNotice(notice({ kind: 'concern_letter' }), WEB_URL);
    expect(composed.subject).toBe('Besked om en sag (concern_letter)');
    expect(composed.escalation).toBe(false);
  });
});

describe('composeNotice — a case that needs operations’ attention', () => {
  it('goes to operations with a link to the attention list, not to the case', () => {
    const subject = 'Sag kræver opmærksomhed: en registrering kunne ikke gemmes i oversigten';
    expect(
      composeNotice(
        notice({ caseType: null, recipientUnit: OPERATIONS_RECIPIENT, kind: 'case_needs_attention' }),
        WEB_URL,
      ),
    ).toEqual({
      noticeId: 'notice-1',
      recipientUnit: 'DRIFT',
      recipientRole: 'operations',
      escalation: false,
      subject,
      text: [
        'Til: Driften – Drift (Temporal)',
        '',
        subject,
        `Sag: ${CASE_ID}`,
        '',
        'Se sager, der kræver opmærksomhed, og prøv igen, når årsagen er rettet: https://exitflow.example/#/drift',
        '',
        FOOTER,
      ].join('\n'),
    });
  });

  it('names the case type when it is known, and still links to the attention list', () => {
    const composed = composeNotice(
      notice({ caseType: 'dks_assessment', recipientUnit: OPERATIONS_RECIPIENT, kind: 'case_needs_attention' }),
      WEB_URL,
    );
    expect(composed.recipientRole).toBe('operations');
    expect(composed.text).toContain('\nSagstype: DKS-sag\n');
    expect(composed.text).toContain(': https://exitflow.example/#/drift\n');
    expect(composed.text).not.toContain('#/sag/');
  });

  it('goes to operations even for a deadline notice addressed to them', () => {
    const composed = composeNotice(
      notice({
        recipientUnit: OPERATIONS_RECIPIENT,
        kind: 'deadline_overdue',
        stepKind: 'dks_assessment',
        dueAt: new Date('2026-03-10T10:30:00.000Z'),
      }),
      WEB_URL,
    );
    expect(composed.recipientRole).toBe('operations');
  });
});

describe('composeNotice — the link', () => {
  it.each(['https://exitflow.example', 'https://exitflow.example/'])(
    'is the same with or without a final slash (%s)',
    (url) => {
      expect(composeNotice(notice({}), url).text).toContain(
        `\nSe sagen: https://exitflow.example/#/sag/exit-courses/${CASE_ID}\n`,
      );
    },
  );
});

describe('composeNotice — escalation', () => {
  it.each([
    ['deadline_warning', false],
    ['deadline_overdue', true],
    ['deadline_changed', false],
    ['prison_transfer', false],
    ['release_notice', false],
    ['release_date_changed', false],
    ['release', false],
    ['handover', false],
    ['case_needs_attention', false],
  ])('%s escalates to the supervisor: %s', (kind, escalation) => {
    const due = kind.startsWith('deadline_')
      ? { stepKind: 'dks_assessment', dueAt: new Date('2026-03-10T10:00Z') }
      : {};
    expect(composeNotice(notice({ kind, ...due }), WEB_URL).escalation).toBe(escalation);
  });
});

describe('composeNotice — no personal data', () => {
  const KINDS = [
    'deadline_warning',
    'deadline_overdue',
    'deadline_changed',
    'prison_transfer',
    'release_notice',
    'release_date_changed',
    'release',
    'handover',
    'case_needs_attention',
  ];
  // A row that carries more than an outbox row has (as a join might): none of it may reach the message.
  const withPersonalData = (kind: string) =>
    ({
      ...notice({ kind, stepKind: 'follow_up_check', dueAt: new Date('2026-03-20T23:00:00.000Z') }),
      caseType: 'dks_assessment',
      recipientUnit: 'POL-KBH',
      name: 'Ahmed Jensen',
      cpr: '010190-1234',
      cprNumber: '0101901234',
      personRef: 'P-7f3a9c',
      address: 'Nørrebrogade 1, 2200 København N',
    }) as OutboxNotice;

  it.each(KINDS)('%s: nothing but the case id and link names the case', (kind) => {
    const composed = composeNotice(withPersonalData(kind), WEB_URL);
    const message = `${composed.subject}\n${composed.text}`;
    for (const personal of ['Ahmed', 'Jensen', '010190', '1234', 'P-7f3a9c', 'Nørrebrogade', '2200']) {
      expect(message).not.toContain(personal);
    }
    expect(message).not.toMatch(/\d{6}-?\d{4}/);
    expect(Object.keys(composed).sort()).toEqual([
      'escalation',
      'noticeId',
      'recipientRole',
      'recipientUnit',
      'subject',
      'text',
    ]);
  });

  it.each(KINDS)('%s: says it holds no personal data, as its last line', (kind) => {
    expect(
      composeNotice(notice({ kind, stepKind: 'home_visit', dueAt: new Date('2026-03-12T14:00:00Z') }), WEB_URL)
        .text.split('\n')
        .at(-1),
    ).toBe(FOOTER);
  });
});

describe('composeNotice — a DKS case moved to another district', () => {
  it('tells the new district’s DKS, not its exit unit, that the case is theirs now', () => {
    const moved = notice({ caseType: 'dks_assessment', recipientUnit: 'POL-FYN', kind: 'dks_case_moved' });
    const subject = 'En DKS-sag er flyttet til jeres politikreds (den unge er flyttet)';
    expect(composeNotice(moved, WEB_URL)).toEqual({
      noticeId: 'notice-1',
      recipientUnit: 'POL-FYN',
      recipientRole: 'dks_officer',
      escalation: false,
      subject,
      text: caseText('Fyns Politi – Den Kriminalpræventive Sektion (DKS)', subject, 'DKS-sag', 'dks-cases'),
    });
  });
});
