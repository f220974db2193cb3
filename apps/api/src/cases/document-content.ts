import { inflateRawSync } from 'node:zlib';

/**
 * What a document's bytes are, read from the bytes alone (magic numbers; an Office file is a ZIP container
 * whose `[Content_Types].xml` declares the right main part and which holds that part) — never from the file
 * name or the Content-Type the client sent. Anything else, an executable named `aftale.pdf` included, is
 * no document the case takes.
 */
export const DOCUMENT_FORMATS = {
  pdf: { contentType: 'application/pdf', extension: 'pdf', name: 'PDF' },
  png: { contentType: 'image/png', extension: 'png', name: 'PNG-billede' },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg', name: 'JPEG-billede' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    name: 'Word-dokument (docx)',
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    name: 'Excel-regneark (xlsx)',
  },
  pptx: {
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extension: 'pptx',
    name: 'PowerPoint-præsentation (pptx)',
  },
} as const;

export type DocumentFormat = keyof typeof DOCUMENT_FORMATS;

/** "PDF, PNG-billede, … eller PowerPoint-præsentation (pptx)": what the refusal tells the user. */
export const ACCEPTED_FORMATS_TEXT = (() => {
  const names = Object.values(DOCUMENT_FORMATS).map((format) => format.name);
  return `${names.slice(0, -1).join(', ')} eller ${names[names.length - 1]}`;
})();

/** The Office formats: the part the main content type names, and that content type. */
const OFFICE_PARTS: Record<'docx' | 'xlsx' | 'pptx', { part: string; mainType: string }> = {
  docx: {
    part: 'word/document.xml',
    mainType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
  },
  xlsx: {
    part: 'xl/workbook.xml',
    mainType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  },
  pptx: {
    part: 'ppt/presentation.xml',
    mainType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
  },
};

const startsWith = (bytes: Buffer, signature: readonly number[]) =>
  bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);

/** The format of a document's bytes, or `undefined` for anything the case does not take. */
export function documentFormatOf(bytes: Buffer): DocumentFormat | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeFormatOf(bytes);
  return undefined;
}

/** Largest `[Content_Types].xml` read (a real one is a few kilobytes): a ZIP bomb stops here. */
const MAX_CONTENT_TYPES_BYTES = 256 * 1024;

function officeFormatOf(zip: Buffer): DocumentFormat | undefined {
  const entries = zipEntries(zip);
  if (!entries) return undefined;
  const contentTypes = entries.get('[Content_Types].xml');
  const declared = contentTypes && entryText(zip, contentTypes);
  if (!declared) return undefined;
  for (const [format, { part, mainType }] of Object.entries(OFFICE_PARTS)) {
    if (entries.has(part) && declared.includes(`ContentType="${mainType}"`)) return format as DocumentFormat;
  }
  return undefined;
}

interface ZipEntry {
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** The entries of a ZIP's central directory by name, or `undefined` when it is no readable ZIP. */
function zipEntries(zip: Buffer): Map<string, ZipEntry> | undefined {
  // The end-of-central-directory record: within the last 22 + 65535 (comment) bytes.
  const searchFrom = Math.max(0, zip.length - 22 - 0xffff);
  let end = -1;
  for (let offset = zip.length - 22; offset >= searchFrom; offset--) {
    if (zip.readUInt32LE(offset) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = zip.readUInt16LE(end + 10);
  let offset = zip.readUInt32LE(end + 16);
  const entries = new Map<string, ZipEntry>();
  for (let index = 0; index < count; index++) {
    if (offset + 46 > zip.length || zip.readUInt32LE(offset) !== 0x02014b50) return undefined;
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > zip.length) return undefined;
    entries.set(zip.toString('utf8', offset + 46, offset + 46 + nameLength), {
      method: zip.readUInt16LE(offset + 10),
      compressedSize: zip.readUInt32LE(offset + 20),
      localHeaderOffset: zip.readUInt32LE(offset + 42),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** An entry's contents as text (stored or deflated), or `undefined` when it cannot be read within the bound. */
function entryText(zip: Buffer, entry: ZipEntry): string | undefined {
  const header = entry.localHeaderOffset;
  if (header + 30 > zip.length || zip.readUInt32LE(header) !== 0x04034b50) return undefined;
  const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  const data = zip.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) return undefined;
  try {
    if (entry.method === 0) return data.length <= MAX_CONTENT_TYPES_BYTES ? data.toString('utf8') : undefined;
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: MAX_CONTENT_TYPES_BYTES }).toString('utf8');
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * The name a download is offered under: the uploaded name without its folders or extension, its letters,
 * digits, spaces and `-_.()` (anything else becomes `_`), at most 100 characters, with the extension of the
 * format the bytes are.
 */
export function safeFileName(uploadedName: string, format: DocumentFormat): string {
  const base = (uploadedName.split(/[/\\]/).pop() ?? '')
    .normalize('NFC')
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/[^\p{L}\p{N} _().-]/gu, '_')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 100);
  return `${base || 'dokument'}.${DOCUMENT_FORMATS[format].extension}`;
}

/** `Content-Disposition: attachment` for a name: an ASCII fallback, and the name itself in UTF-8 (RFC 6266). */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
