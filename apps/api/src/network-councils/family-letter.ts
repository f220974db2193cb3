import { formatDanishDateTime } from '../../../../libs/domain/time/copenhagen-calendar';
import type { NetworkCouncilView } from './network-council.views';

/**
 * The written notice to the family of a young person under 18 saying when to expect the network council
 * (DOMAIN.md §2: convened no later than 7 days after the police's documentation), as a printable Danish
 * letter made from the case: the municipality's name, when the documentation came, and when the council
 * was convened or is to be convened by. The young person's name only for users who may read persons
 * (the read is logged by the caller); never a CPR number.
 */
export function familyLetterHtml(council: NetworkCouncilView, personName: string | null, now: Date): string {
  const municipality = council.municipality.name;
  const convening = council.steps.find((step) => step.kind === 'network_council_convening');
  const convenedAt = council.history.find((entry) => entry.action === 'council_convened')?.occurredAt;
  const when = convenedAt
    ? `Netværkssamrådet blev indkaldt den ${formatDanishDateTime(new Date(convenedAt))}. Vi kontakter jer med tid og sted, hvis I ikke allerede har fået det.`
    : `Kommunen indkalder til netværkssamrådet senest ${formatDanishDateTime(new Date(convening?.dueAt ?? council.documentationReceivedAt))}. I får besked om tid og sted, så snart samrådet er indkaldt.`;
  const about = personName ? `om ${personName}` : 'om jeres barn';
  const paragraphs = [
    `${municipality} har den ${formatDanishDateTime(new Date(council.documentationReceivedAt))} modtaget oplysninger fra politiet ${about}.`,
    'Når en ung under 18 år er mistænkt eller sigtet for alvorlig kriminalitet, skal kommunen indkalde til et netværkssamråd senest 7 dage efter, at kommunen har modtaget dokumentationen fra politiet.',
    when,
    'På netværkssamrådet laver vi sammen med jer og de øvrige deltagere aftaler om støtte til jeres barn – under en eventuel varetægtsfængsling og ved løsladelse.',
    'Har I spørgsmål, er I velkomne til at kontakte kommunen.',
  ];
  return [
    '<!doctype html>',
    '<html lang="da">',
    '<head><meta charset="utf-8"><title>Brev til familien om netværkssamråd</title>',
    '<style>body{font-family:Georgia,serif;max-width:40rem;margin:2rem auto;line-height:1.5;padding:0 1rem}header{margin-bottom:2rem}@media print{body{margin:0 auto}}</style>',
    '</head>',
    '<body>',
    `<header><p><strong>${escapeHtml(municipality)}</strong></p><p>${escapeHtml(formatDanishDateTime(now))}</p></header>`,
    '<h1>Netværkssamråd</h1>',
    '<p>Til forældremyndighedens indehavere</p>',
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p>Med venlig hilsen<br>${escapeHtml(municipality)}</p>`,
    '</body>',
    '</html>',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
