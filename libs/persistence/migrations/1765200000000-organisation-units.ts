import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organisations' units as data: every municipality, police district and Kriminalforsorgen unit that
 * can hold a course, kept by administrators (GET/POST/PATCH /api/admin/units) — a unit is renamed or
 * closed, never deleted, since cases and access scopes keep its code. Every change is recorded in the
 * append-only `organisation_unit_changes`.
 *
 * Sources of the seed lists:
 * - Municipalities: Danmarks Statistik / DAGI, kommuneinddelingen (the 98 municipalities since 2007 with
 *   their 3-digit kommunekode; code `KOM-` + the code with a leading zero). Christiansø (411) is not a
 *   municipality and is not listed.
 * - Police districts: politi.dk, the 12 police districts (the codes the system has used from the start).
 * - Kriminalforsorgen: kriminalforsorgen.dk, the prisons (lukkede og åbne fængsler), the arresthuse and
 *   the offices of Kriminalforsorgen i Frihed. This list was compiled WITHOUT network access to the
 *   source: names and the set of units may differ from kriminalforsorgen.dk today. An administrator
 *   should check it against the source and rename, close or add units on the page ("Enheder").
 *   The codes the system used before this migration are kept unchanged (cases and users refer to them).
 */
type Seed = [code: string, name: string, subKind?: string];

const MUNICIPALITIES: [number, string][] = [
  [101, 'Københavns Kommune'],
  [147, 'Frederiksberg Kommune'],
  [151, 'Ballerup Kommune'],
  [153, 'Brøndby Kommune'],
  [155, 'Dragør Kommune'],
  [157, 'Gentofte Kommune'],
  [159, 'Gladsaxe Kommune'],
  [161, 'Glostrup Kommune'],
  [163, 'Herlev Kommune'],
  [165, 'Albertslund Kommune'],
  [167, 'Hvidovre Kommune'],
  [169, 'Høje-Taastrup Kommune'],
  [173, 'Lyngby-Taarbæk Kommune'],
  [175, 'Rødovre Kommune'],
  [183, 'Ishøj Kommune'],
  [185, 'Tårnby Kommune'],
  [187, 'Vallensbæk Kommune'],
  [190, 'Furesø Kommune'],
  [201, 'Allerød Kommune'],
  [210, 'Fredensborg Kommune'],
  [217, 'Helsingør Kommune'],
  [219, 'Hillerød Kommune'],
  [223, 'Hørsholm Kommune'],
  [230, 'Rudersdal Kommune'],
  [240, 'Egedal Kommune'],
  [250, 'Frederikssund Kommune'],
  [253, 'Greve Kommune'],
  [259, 'Køge Kommune'],
  [260, 'Halsnæs Kommune'],
  [265, 'Roskilde Kommune'],
  [269, 'Solrød Kommune'],
  [270, 'Gribskov Kommune'],
  [306, 'Odsherred Kommune'],
  [316, 'Holbæk Kommune'],
  [320, 'Faxe Kommune'],
  [326, 'Kalundborg Kommune'],
  [329, 'Ringsted Kommune'],
  [330, 'Slagelse Kommune'],
  [336, 'Stevns Kommune'],
  [340, 'Sorø Kommune'],
  [350, 'Lejre Kommune'],
  [360, 'Lolland Kommune'],
  [370, 'Næstved Kommune'],
  [376, 'Guldborgsund Kommune'],
  [390, 'Vordingborg Kommune'],
  [400, 'Bornholms Regionskommune'],
  [410, 'Middelfart Kommune'],
  [420, 'Assens Kommune'],
  [430, 'Faaborg-Midtfyn Kommune'],
  [440, 'Kerteminde Kommune'],
  [450, 'Nyborg Kommune'],
  [461, 'Odense Kommune'],
  [479, 'Svendborg Kommune'],
  [480, 'Nordfyns Kommune'],
  [482, 'Langeland Kommune'],
  [492, 'Ærø Kommune'],
  [510, 'Haderslev Kommune'],
  [530, 'Billund Kommune'],
  [540, 'Sønderborg Kommune'],
  [550, 'Tønder Kommune'],
  [561, 'Esbjerg Kommune'],
  [563, 'Fanø Kommune'],
  [573, 'Varde Kommune'],
  [575, 'Vejen Kommune'],
  [580, 'Aabenraa Kommune'],
  [607, 'Fredericia Kommune'],
  [615, 'Horsens Kommune'],
  [621, 'Kolding Kommune'],
  [630, 'Vejle Kommune'],
  [657, 'Herning Kommune'],
  [661, 'Holstebro Kommune'],
  [665, 'Lemvig Kommune'],
  [671, 'Struer Kommune'],
  [706, 'Syddjurs Kommune'],
  [707, 'Norddjurs Kommune'],
  [710, 'Favrskov Kommune'],
  [727, 'Odder Kommune'],
  [730, 'Randers Kommune'],
  [740, 'Silkeborg Kommune'],
  [741, 'Samsø Kommune'],
  [746, 'Skanderborg Kommune'],
  [751, 'Aarhus Kommune'],
  [756, 'Ikast-Brande Kommune'],
  [760, 'Ringkøbing-Skjern Kommune'],
  [766, 'Hedensted Kommune'],
  [773, 'Morsø Kommune'],
  [779, 'Skive Kommune'],
  [787, 'Thisted Kommune'],
  [791, 'Viborg Kommune'],
  [810, 'Brønderslev Kommune'],
  [813, 'Frederikshavn Kommune'],
  [820, 'Vesthimmerlands Kommune'],
  [825, 'Læsø Kommune'],
  [840, 'Rebild Kommune'],
  [846, 'Mariagerfjord Kommune'],
  [849, 'Jammerbugt Kommune'],
  [851, 'Aalborg Kommune'],
  [860, 'Hjørring Kommune'],
];

const POLICE_DISTRICTS: Seed[] = [
  ['POL-NORDJYLLAND', 'Nordjyllands Politi'],
  ['POL-OESTJYLLAND', 'Østjyllands Politi'],
  ['POL-MIDT-VESTJYLLAND', 'Midt- og Vestjyllands Politi'],
  ['POL-SYDOESTJYLLAND', 'Sydøstjyllands Politi'],
  ['POL-SYD-SOENDERJYLLAND', 'Syd- og Sønderjyllands Politi'],
  ['POL-FYN', 'Fyns Politi'],
  ['POL-SYDSJAELLAND-LF', 'Sydsjællands og Lolland-Falsters Politi'],
  ['POL-MIDT-VESTSJAELLAND', 'Midt- og Vestsjællands Politi'],
  ['POL-NORDSJAELLAND', 'Nordsjællands Politi'],
  ['POL-KBH-VESTEGN', 'Københavns Vestegns Politi'],
  ['POL-KBH', 'Københavns Politi'],
  ['POL-BORNHOLM', 'Bornholms Politi'],
];

/** The Kriminalforsorgen units that can hold a course (kind `institution`), with what kind of unit each is. */
const KF_UNITS: Seed[] = [
  // Closed prisons (the first codes are the ones in use before this migration).
  ['KF-ENNER-MARK', 'Enner Mark Fængsel', 'closed_prison'],
  ['KF-HERSTEDVESTER', 'Anstalten ved Herstedvester', 'closed_prison'],
  ['KF-NYBORG', 'Nyborg Fængsel', 'closed_prison'],
  ['KF-OESTJYLLAND', 'Østjyllands Fængsel', 'closed_prison'],
  ['KF-SOENDERBORG', 'Sønderborg Fængsel', 'closed_prison'],
  ['KF-STORSTROEM', 'Storstrøm Fængsel', 'closed_prison'],
  ['KF-VESTJYLLAND', 'Fængslet Vestjylland', 'closed_prison'],
  ['KF-RINGE', 'Ringe Fængsel', 'closed_prison'],
  // Open prisons.
  ['KF-HORSEROED', 'Horserød Fængsel', 'open_prison'],
  ['KF-JYDERUP', 'Jyderup Fængsel', 'open_prison'],
  ['KF-KRAGSKOVHEDE', 'Kragskovhede Fængsel', 'open_prison'],
  ['KF-KAERSHOVEDGAARD', 'Kærshovedgård Fængsel', 'open_prison'],
  ['KF-MOEGELKAER', 'Møgelkær Fængsel', 'open_prison'],
  ['KF-RENBAEK', 'Renbæk Fængsel', 'open_prison'],
  ['KF-SOEBYSOEGAARD', 'Søbysøgård Fængsel', 'open_prison'],
  ['KF-SDR-OMME', 'Sdr. Omme Fængsel', 'open_prison'],
  ['KF-SAXKJOEBING', 'Saxkjøbing Fængsel', 'open_prison'],
  // Remand prisons: Københavns Fængsler (Copenhagen's) and the arresthuse.
  ['KF-KOEBENHAVNS-FAENGSLER', 'Københavns Fængsler', 'remand_prison'],
  ['KF-ARR-AALBORG', 'Arresthuset i Aalborg', 'remand_prison'],
  ['KF-ARR-AARHUS', 'Arresthuset i Aarhus', 'remand_prison'],
  ['KF-ARR-ESBJERG', 'Arresthuset i Esbjerg', 'remand_prison'],
  ['KF-ARR-FREDERIKSHAVN', 'Arresthuset i Frederikshavn', 'remand_prison'],
  ['KF-ARR-HELSINGOER', 'Arresthuset i Helsingør', 'remand_prison'],
  ['KF-ARR-HERNING', 'Arresthuset i Herning', 'remand_prison'],
  ['KF-ARR-HILLEROED', 'Arresthuset i Hillerød', 'remand_prison'],
  ['KF-ARR-HJOERRING', 'Arresthuset i Hjørring', 'remand_prison'],
  ['KF-ARR-HOLBAEK', 'Arresthuset i Holbæk', 'remand_prison'],
  ['KF-ARR-HOLSTEBRO', 'Arresthuset i Holstebro', 'remand_prison'],
  ['KF-ARR-HORSENS', 'Arresthuset i Horsens', 'remand_prison'],
  ['KF-ARR-KOLDING', 'Arresthuset i Kolding', 'remand_prison'],
  ['KF-ARR-NYKOEBING-F', 'Arresthuset i Nykøbing Falster', 'remand_prison'],
  ['KF-ARR-NAESTVED', 'Arresthuset i Næstved', 'remand_prison'],
  ['KF-ARR-ODENSE', 'Arresthuset i Odense', 'remand_prison'],
  ['KF-ARR-RANDERS', 'Arresthuset i Randers', 'remand_prison'],
  ['KF-ARR-ROSKILDE', 'Arresthuset i Roskilde', 'remand_prison'],
  ['KF-ARR-ROENNE', 'Arresthuset i Rønne', 'remand_prison'],
  ['KF-ARR-SLAGELSE', 'Arresthuset i Slagelse', 'remand_prison'],
  ['KF-ARR-SVENDBORG', 'Arresthuset i Svendborg', 'remand_prison'],
  ['KF-ARR-THISTED', 'Arresthuset i Thisted', 'remand_prison'],
  ['KF-ARR-VEJLE', 'Arresthuset i Vejle', 'remand_prison'],
  ['KF-ARR-VIBORG', 'Arresthuset i Viborg', 'remand_prison'],
  // Kriminalforsorgen i Frihed (probation).
  ['KF-KIF-HOVEDSTADEN', 'Kriminalforsorgen i Frihed Hovedstaden', 'probation_office'],
  ['KF-KIF-KOEBENHAVN', 'Kriminalforsorgen i Frihed København', 'probation_office'],
  ['KF-KIF-NORDSJAELLAND', 'Kriminalforsorgen i Frihed Nordsjælland', 'probation_office'],
  ['KF-KIF-VESTSJAELLAND', 'Kriminalforsorgen i Frihed Vestsjælland', 'probation_office'],
  ['KF-KIF-SYDSJAELLAND', 'Kriminalforsorgen i Frihed Sydsjælland og Lolland-Falster', 'probation_office'],
  ['KF-KIF-BORNHOLM', 'Kriminalforsorgen i Frihed Bornholm', 'probation_office'],
  ['KF-KIF-FYN', 'Kriminalforsorgen i Frihed Fyn', 'probation_office'],
  ['KF-KIF-SOENDERJYLLAND', 'Kriminalforsorgen i Frihed Sønderjylland', 'probation_office'],
  ['KF-KIF-SYDVESTJYLLAND', 'Kriminalforsorgen i Frihed Sydvestjylland', 'probation_office'],
  ['KF-KIF-TREKANTEN', 'Kriminalforsorgen i Frihed Trekanten', 'probation_office'],
  ['KF-KIF-OESTJYLLAND', 'Kriminalforsorgen i Frihed Østjylland', 'probation_office'],
  ['KF-KIF-MIDT-VESTJYLLAND', 'Kriminalforsorgen i Frihed Midt- og Vestjylland', 'probation_office'],
  ['KF-KIF-NORDJYLLAND', 'Kriminalforsorgen i Frihed Nordjylland', 'probation_office'],
];

const municipalityCode = (code: number) => `KOM-${String(code).padStart(4, '0')}`;

export class OrganisationUnits1765200000000 implements MigrationInterface {
  name = 'OrganisationUnits1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organisation_units (
        code varchar(64) PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9-]{1,63}$'),
        name varchar(200) NOT NULL CHECK (btrim(name) <> ''),
        organisation varchar(40) NOT NULL,
        kind varchar(40) NOT NULL,
        sub_kind varchar(40),
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (
          (kind = 'institution' AND organisation = 'kriminalforsorgen'
            AND sub_kind IN ('closed_prison', 'open_prison', 'remand_prison', 'probation_office'))
          OR (kind = 'police_district' AND organisation = 'politi' AND sub_kind IS NULL)
          OR (kind = 'municipality' AND organisation = 'kommune' AND sub_kind IS NULL)
        )
      )`);
    await queryRunner.query(`CREATE INDEX organisation_units_kind_idx ON organisation_units (kind, name)`);
    await queryRunner.query(`
      CREATE TABLE organisation_unit_changes (
        id bigserial PRIMARY KEY,
        unit_code varchar(64) NOT NULL,
        action varchar(20) NOT NULL CHECK (action IN ('added', 'renamed', 'closed', 'reopened')),
        user_id varchar(120) NOT NULL,
        role varchar(40) NOT NULL,
        name_before varchar(200),
        name_after varchar(200),
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX organisation_unit_changes_unit_idx ON organisation_unit_changes (unit_code, at)`,
    );
    await queryRunner.query(
      `CREATE TRIGGER organisation_unit_changes_append_only BEFORE UPDATE OR DELETE ON organisation_unit_changes FOR EACH ROW EXECUTE FUNCTION refuse_audit_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER organisation_unit_changes_no_truncate BEFORE TRUNCATE ON organisation_unit_changes FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change()`,
    );
    const rows: [string, string, string, string, string | null][] = [
      ...MUNICIPALITIES.map(([code, name]): [string, string, string, string, null] => [
        municipalityCode(code),
        name,
        'kommune',
        'municipality',
        null,
      ]),
      ...POLICE_DISTRICTS.map(([code, name]): [string, string, string, string, null] => [
        code,
        name,
        'politi',
        'police_district',
        null,
      ]),
      ...KF_UNITS.map(([code, name, subKind]): [string, string, string, string, string] => [
        code,
        name,
        'kriminalforsorgen',
        'institution',
        subKind!,
      ]),
    ];
    for (const row of rows) {
      await queryRunner.query(
        `INSERT INTO organisation_units (code, name, organisation, kind, sub_kind) VALUES ($1, $2, $3, $4, $5)`,
        row,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE organisation_unit_changes`);
    await queryRunner.query(`DROP TABLE organisation_units`);
  }
}
