import { randomUUID } from 'node:crypto';
import { DAY_MS, startStorstroemCourse } from '../support/exit-course-fixtures';
import { fakeName, fakeYouthCpr } from '../support/demo-people';
import { documentForm, docxFile, EXECUTABLE_FILE, pdfFile, PNG_FILE } from '../support/document-files';
import { http, startSystem, type SystemUnderTest, type UserClient } from '../support/system-under-test';

/**
 * The case journal and the case documents over HTTP, for every case type: notes and their corrections,
 * immutability, scope, logged reads, uploads checked by their bytes and kept encrypted, and the setting that
 * makes the exit agreement's signing wait for its document.
 */
let sut: SystemUnderTest;
/** A Kriminalforsorgen caseworker at Storstrøm Fængsel: the cases' own unit. */
let kf: UserClient;
/** The caseworker of another prison: the cases are outside its scope. */
let foreign: UserClient;
/** Storstrøm's supervisor: reads the cases, writes nothing. */
let supervisor: UserClient;
let caseworkerId: string;

beforeAll(async () => {
  sut = await startSystem({ REQUIRE_SIGNED_EXIT_AGREEMENT: 'true', DOCUMENT_MAX_MEGABYTES: '1' });
  kf = await sut.as('kf.storstroem');
  foreign = await sut.as('kf.ennermark');
  supervisor = await sut.as('kf.leder.storstroem');
  caseworkerId = (await kf('GET', '/api/auth/me')).body.id;
});

afterAll(() => sut?.stop());

/** A new exit course at Storstrøm, with the suitability assessment's offer made when `offered`. */
async function exitCourse(offered = false): Promise<{ id: string; steps: { id: string; kind: string }[] }> {
  const started = await startStorstroemCourse(kf);
  if (!offered) return started;
  const offer = await kf('POST', `/api/exit-courses/${started.id}/suitability-assessment`, { outcome: 'offer' });
  expect(offer.status).toBe(200);
  return offer.body;
}

const hourAgo = () => new Date(Date.now() - 3600_000).toISOString();
const upload = documentForm;

async function accessLogged(action: string, caseId: string): Promise<number> {
  const [{ n }] = await sut.db.query(
    `SELECT count(*)::int AS n FROM access_log WHERE action = $1 AND case_id = $2 AND user_id = $3`,
    [action, caseId, caseworkerId],
  );
  return n;
}

const count = async (table: 'case_notes' | 'case_documents', caseId: string): Promise<number> =>
  (await sut.db.query(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [caseId]))[0].n;

describe('the case journal', () => {
  it('keeps a note and its correction, the correction pointing at the note, and logs every read', async () => {
    const course = await exitCourse();
    const occurredAt = hourAgo();
    const note = await kf('POST', `/api/cases/${course.id}/notes`, {
      kind: 'phone',
      occurredAt,
      text: 'Telefonsamtale med kommunen om bolig.',
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({
      caseId: course.id,
      kind: 'phone',
      kindText: 'telefon',
      occurredAt: new Date(occurredAt).toISOString(),
      text: 'Telefonsamtale med kommunen om bolig.',
      correctsNoteId: null,
      correctedByNoteId: null,
      authorId: caseworkerId,
      authorName: expect.any(String),
    });
    const correction = await kf('POST', `/api/cases/${course.id}/notes`, {
      kind: 'phone',
      occurredAt,
      text: 'Rettelse: samtalen var med jobcentret, ikke kommunen.',
      correctsNoteId: note.body.id,
    });
    expect(correction.status).toBe(201);
    expect(correction.body.correctsNoteId).toBe(note.body.id);

    const before = await accessLogged('case_notes_read', course.id);
    const journal = await kf('GET', `/api/cases/${course.id}/notes`);
    expect(journal.status).toBe(200);
    expect(journal.body.total).toBe(2);
    expect(journal.body.items).toEqual([
      expect.objectContaining({ id: note.body.id, text: note.body.text, correctedByNoteId: correction.body.id }),
      expect.objectContaining({ id: correction.body.id, correctsNoteId: note.body.id, correctedByNoteId: null }),
    ]);
    expect(await accessLogged('case_notes_read', course.id)).toBe(before + 1);
    // The supervisor reads the journal too, and writes nothing.
    expect((await supervisor('GET', `/api/cases/${course.id}/notes`)).status).toBe(200);
    const refused = await supervisor('POST', `/api/cases/${course.id}/notes`, {
      kind: 'other',
      occurredAt,
      text: 'Leder',
    });
    expect(refused.status).toBe(403);
    expect(await count('case_notes', course.id)).toBe(2);
  });

  it('refuses a correction of a note on another case, and changes nothing', async () => {
    const [first, second] = [await exitCourse(), await exitCourse()];
    const note = await kf('POST', `/api/cases/${first.id}/notes`, {
      kind: 'meeting',
      occurredAt: hourAgo(),
      text: 'Møde',
    });
    const answer = await kf('POST', `/api/cases/${second.id}/notes`, {
      kind: 'meeting',
      occurredAt: hourAgo(),
      text: 'Rettelse',
      correctsNoteId: note.body.id,
    });
    expect([answer.status, answer.body.code, answer.body.message]).toEqual([
      422,
      'INVALID_DOMAIN_DATA',
      'Notatet, der rettes, findes ikke på denne sag. Intet er gemt.',
    ]);
    expect(await count('case_notes', second.id)).toBe(0);
    expect(await count('case_notes', first.id)).toBe(1);
  });

  it('refuses bad input with Danish messages, and stores nothing', async () => {
    const course = await exitCourse();
    const unknownKind = await kf('POST', `/api/cases/${course.id}/notes`, {
      kind: 'email',
      occurredAt: hourAgo(),
      text: 'x',
    });
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.body.details).toEqual([
      {
        field: 'kind',
        problems: ['Notatets art skal være telefon, møde, oplysning fra anden myndighed eller andet.'],
      },
    ]);
    const missing = await kf('POST', `/api/cases/${course.id}/notes`, { kind: 'other' });
    expect(missing.body.details).toEqual([
      { field: 'occurredAt', problems: ['Tidspunktet for det noterede skal udfyldes.'] },
      { field: 'text', problems: ['Notatets tekst skal udfyldes.'] },
    ]);
    const future = await kf('POST', `/api/cases/${course.id}/notes`, {
      kind: 'other',
      occurredAt: new Date(Date.now() + 2 * DAY_MS).toISOString(),
      text: 'x',
    });
    expect([future.status, future.body.message]).toEqual([422, 'Tidspunktet for det noterede ligger i fremtiden.']);
    const control = await kf('POST', `/api/cases/${course.id}/notes`, {
      kind: 'other',
      occurredAt: hourAgo(),
      text: 'nul\u0000tegn',
    });
    expect(control.status).toBe(400);
    const badId = await kf('POST', `/api/cases/${course.id}/notes`, {
      kind: 'other',
      occurredAt: hourAgo(),
      text: 'x',
      correctsNoteId: 'note-1',
    });
    expect(badId.body.details).toEqual([
      { field: 'correctsNoteId', problems: ['Det rettede notat skal være en gyldig UUID.'] },
    ]);
    expect(await count('case_notes', course.id)).toBe(0);
  });

  it('is the same for every case type: a DKS case has a journal too', async () => {
    const dks = await sut.as('politi.kbh.dks');
    const youth = await dks('POST', '/api/persons', { name: fakeName(), cpr: await fakeYouthCpr() });
    const started = await dks('POST', '/api/dks-cases', {
      personRef: youth.body.personRef,
      policeDistrictCode: 'POL-KBH',
      trigger: 'charged',
      triggeredAt: hourAgo(),
    });
    expect(started.status).toBe(201);
    const note = await dks('POST', `/api/cases/${started.body.id}/notes`, {
      kind: 'other_authority',
      occurredAt: hourAgo(),
      text: 'Skolen har ringet.',
    });
    expect([note.status, note.body.kindText]).toEqual([201, 'oplysning fra anden myndighed']);
    // The prison's caseworker does not see the DKS case at all.
    expect((await kf('GET', `/api/cases/${started.body.id}/notes`)).status).toBe(404);
  });
});

describe('notes and documents are never changed', () => {
  it('has no route that changes or removes them', async () => {
    const spec = await http(sut.baseUrl, 'GET', '/api/docs-json');
    const paths = Object.entries(spec.body.paths as Record<string, Record<string, unknown>>).filter(([path]) =>
      /^\/api\/cases\/\{id\}\/(notes|documents)/.test(path),
    );
    const methods = paths.flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`));
    expect(methods.sort()).toEqual([
      'get /api/cases/{id}/documents',
      'get /api/cases/{id}/documents/{documentId}',
      'get /api/cases/{id}/notes',
      'post /api/cases/{id}/documents',
      'post /api/cases/{id}/notes',
    ]);
    const course = await exitCourse();
    const note = await kf('POST', `/api/cases/${course.id}/notes`, { kind: 'other', occurredAt: hourAgo(), text: 'x' });
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await kf(method, `/api/cases/${course.id}/notes/${note.body.id}`, {})).status).toBe(404);
    }
  });

  it('cannot be changed or deleted by the database role the API runs as', async () => {
    const course = await exitCourse();
    await kf('POST', `/api/cases/${course.id}/notes`, { kind: 'other', occurredAt: hourAgo(), text: 'x' });
    await kf('POST', `/api/cases/${course.id}/documents`, upload(pdfFile('x'), 'x.pdf', { type: 'other' }));
    for (const table of ['case_notes', 'case_documents']) {
      await expect(
        sut.db.query(`UPDATE ${table} SET key_id = 'other' WHERE case_id = $1`, [course.id]),
      ).rejects.toThrow(`permission denied for table ${table}`);
      await expect(sut.db.query(`DELETE FROM ${table} WHERE case_id = $1`, [course.id])).rejects.toThrow(
        `permission denied for table ${table}`,
      );
    }
    expect([await count('case_notes', course.id), await count('case_documents', course.id)]).toEqual([1, 1]);
  });
});

describe('a case outside the scope', () => {
  it('answers 404 for every journal and document route, and changes nothing', async () => {
    const course = await exitCourse();
    const document = await kf(
      'POST',
      `/api/cases/${course.id}/documents`,
      upload(pdfFile('x'), 'x.pdf', { type: 'other' }),
    );
    expect(document.status).toBe(201);
    const answers = [
      await foreign('GET', `/api/cases/${course.id}/notes`),
      await foreign('POST', `/api/cases/${course.id}/notes`, { kind: 'other', occurredAt: hourAgo(), text: 'x' }),
      await foreign('GET', `/api/cases/${course.id}/documents`),
      await foreign('POST', `/api/cases/${course.id}/documents`, upload(pdfFile('y'), 'y.pdf', { type: 'other' })),
      await foreign('GET', `/api/cases/${course.id}/documents/${document.body.id}`),
      await kf('GET', `/api/cases/${randomUUID()}/notes`),
    ];
    expect(answers.map((answer) => [answer.status, answer.body.code])).toEqual(
      Array(answers.length).fill([404, 'CASE_NOT_FOUND']),
    );
    expect([await count('case_notes', course.id), await count('case_documents', course.id)]).toEqual([0, 1]);
  });
});

describe('case documents', () => {
  it('round-trips a PDF tied to a step: the exact bytes, as an attachment that is never cached or sniffed', async () => {
    const course = await exitCourse(true);
    const step = course.steps.find((candidate) => candidate.kind === 'agreement_signing')!;
    const bytes = pdfFile('Exit-aftale');
    const uploaded = await kf(
      'POST',
      `/api/cases/${course.id}/documents`,
      upload(bytes, 'Exit-aftale (underskrevet).pdf', { type: 'exit_agreement', stepId: step.id }),
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      caseId: course.id,
      type: 'exit_agreement',
      typeText: 'exit-aftale',
      stepId: step.id,
      stepLabel: expect.any(String),
      fileName: 'Exit-aftale (underskrevet).pdf',
      format: 'pdf',
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
      uploadedBy: caseworkerId,
      downloadPath: `/api/cases/${course.id}/documents/${uploaded.body.id}`,
    });
    const listed = await kf('GET', `/api/cases/${course.id}/documents`);
    expect(listed.body.items).toEqual([uploaded.body]);

    const before = await accessLogged('case_document_read', course.id);
    const download = await kf('GET', uploaded.body.downloadPath);
    expect(download.status).toBe(200);
    expect(download.bytes!.equals(bytes)).toBe(true);
    expect(
      Object.fromEntries(
        ['content-type', 'content-disposition', 'cache-control', 'x-content-type-options', 'content-length'].map(
          (name) => [name, download.headers.get(name)],
        ),
      ),
    ).toEqual({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="Exit-aftale (underskrevet).pdf"; filename*=UTF-8''Exit-aftale%20(underskrevet).pdf`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-length': String(bytes.length),
    });
    expect(await accessLogged('case_document_read', course.id)).toBe(before + 1);
    expect(await accessLogged('case_documents_read', course.id)).toBeGreaterThanOrEqual(1);
    expect((await kf('GET', `/api/cases/${course.id}/documents/${randomUUID()}`)).status).toBe(404);
  });

  it('reads the format from the bytes, not from the name or the Content-Type the client sent', async () => {
    const course = await exitCourse();
    const png = await kf('POST', `/api/cases/${course.id}/documents`, upload(PNG_FILE, 'foto.pdf', { type: 'other' }));
    expect(png.body).toMatchObject({ format: 'png', contentType: 'image/png', fileName: 'foto.png' });
    const docx = await kf(
      'POST',
      `/api/cases/${course.id}/documents`,
      upload(docxFile('Referat'), 'Referat fra mødet.docx', { type: 'minutes' }, 'application/octet-stream'),
    );
    expect(docx.body).toMatchObject({ format: 'docx', fileName: 'Referat fra mødet.docx' });
  });

  it('refuses a renamed executable with a Danish message, and stores nothing', async () => {
    const course = await exitCourse();
    const answer = await kf(
      'POST',
      `/api/cases/${course.id}/documents`,
      upload(EXECUTABLE_FILE, 'aftale.pdf', { type: 'exit_agreement' }),
    );
    expect([answer.status, answer.body.code, answer.body.message]).toEqual([
      422,
      'INVALID_DOMAIN_DATA',
      'Filen kan ikke lægges på sagen: indholdet er ikke PDF, PNG-billede, JPEG-billede, Word-dokument (docx), Excel-regneark (xlsx) eller PowerPoint-præsentation (pptx). Det er filens indhold, der afgør det, ikke dens navn. Intet er gemt.',
    ]);
    expect(await count('case_documents', course.id)).toBe(0);
  });

  it('refuses a file over DOCUMENT_MAX_MEGABYTES (413), and stores nothing', async () => {
    const course = await exitCourse();
    const tooLarge = Buffer.concat([pdfFile('stor'), Buffer.alloc(1024 * 1024)]);
    const answer = await kf(
      'POST',
      `/api/cases/${course.id}/documents`,
      upload(tooLarge, 'stor.pdf', { type: 'other' }),
    );
    expect([answer.status, answer.body.code, answer.body.message]).toEqual([
      413,
      'PAYLOAD_TOO_LARGE',
      'Filen er for stor: et dokument må højst fylde 1 MB. Intet er gemt.',
    ]);
    expect(await count('case_documents', course.id)).toBe(0);
  });

  it('refuses an upload without a file, of an unknown type, or for a step of another case', async () => {
    const [course, other] = [await exitCourse(), await exitCourse()];
    const noFile = await kf('POST', `/api/cases/${course.id}/documents`, { type: 'other' });
    expect([noFile.status, noFile.body.details]).toEqual([
      400,
      [{ field: 'file', problems: ['Vælg en fil at lægge på sagen.'] }],
    ]);
    const unknownType = await kf(
      'POST',
      `/api/cases/${course.id}/documents`,
      upload(pdfFile('x'), 'x.pdf', { type: 'brev' }),
    );
    expect(unknownType.status).toBe(400);
    expect(unknownType.body.details[0].field).toBe('type');
    const foreignStep = await kf(
      'POST',
      `/api/cases/${course.id}/documents`,
      upload(pdfFile('x'), 'x.pdf', { type: 'other', stepId: other.steps[0].id }),
    );
    expect([foreignStep.status, foreignStep.body.message]).toEqual([
      422,
      'Trinnet findes ikke på denne sag. Intet er gemt.',
    ]);
    expect(await count('case_documents', course.id)).toBe(0);
  });

  it('keeps names, contents and note texts encrypted at rest, with the key id', async () => {
    const course = await exitCourse();
    const secret = `HEMMELIG-${randomUUID()}`;
    await kf('POST', `/api/cases/${course.id}/notes`, { kind: 'other', occurredAt: hourAgo(), text: secret });
    const uploaded = await kf(
      'POST',
      `/api/cases/${course.id}/documents`,
      upload(pdfFile(secret), `${secret}.pdf`, { type: 'other' }),
    );
    expect(uploaded.status).toBe(201);
    const [document] = await sut.db.query(
      `SELECT content_encrypted, file_name_encrypted, key_id FROM case_documents WHERE id = $1`,
      [uploaded.body.id],
    );
    const [note] = await sut.db.query(`SELECT text_encrypted, key_id FROM case_notes WHERE case_id = $1`, [course.id]);
    const activeKeyId = sut.config.personalData.keyring.activeKeyId;
    expect([document.key_id, note.key_id]).toEqual([activeKeyId, activeKeyId]);
    const stored = [document.content_encrypted, document.file_name_encrypted, note.text_encrypted].join('\n');
    for (const form of [secret, Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url')]) {
      expect(stored).not.toContain(form.slice(0, 20));
    }
    expect(Buffer.from(document.content_encrypted.split('.')[4], 'base64url').includes(secret)).toBe(false);
  });
});

describe('REQUIRE_SIGNED_EXIT_AGREEMENT=true', () => {
  it('refuses the agreement-signed decision until an exit agreement is on the case, then takes it', async () => {
    const course = await exitCourse(true);
    const refused = await kf('POST', `/api/exit-courses/${course.id}/agreement-signed`, {});
    expect([refused.status, refused.body.code, refused.body.message]).toEqual([
      409,
      'DOCUMENT_REQUIRED',
      'Exit-aftalen kan først registreres som underskrevet, når den underskrevne aftale er lagt på sagen som dokument af typen exit-aftale (under Dokumenter). Intet er ændret.',
    ]);
    expect((await kf('GET', `/api/exit-courses/${course.id}`)).body.status).toBe('awaiting_agreement_signature');
    // A document of another type does not count.
    await kf(
      'POST',
      `/api/cases/${course.id}/documents`,
      upload(pdfFile('Referat'), 'referat.pdf', { type: 'minutes' }),
    );
    expect((await kf('POST', `/api/exit-courses/${course.id}/agreement-signed`, {})).status).toBe(409);

    const agreement = await kf(
      'POST',
      `/api/cases/${course.id}/documents`,
      upload(pdfFile('Aftale'), 'aftale.pdf', { type: 'exit_agreement' }),
    );
    expect(agreement.status).toBe(201);
    const signed = await kf('POST', `/api/exit-courses/${course.id}/agreement-signed`, {});
    expect([signed.status, signed.body.status]).toEqual([200, 'agreement_active']);
  });
});
