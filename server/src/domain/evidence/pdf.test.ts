import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  JAVASCRIPT_ACTION,
  pdf,
  pdfBomb,
  pdfObjects,
  type PdfObject,
} from '../../../test/fixtures/evidence/fixtures';
import { inspectUpload } from './inspect-upload';
import { inspectPdf } from './pdf';

/** The document-level script tree: catalog → /Names → /JavaScript (objects 5 and 6). */
const documentScript = pdfObjects('/Names << /JavaScript 6 0 R >> ', [
  JAVASCRIPT_ACTION,
  { body: '<< /Names [(init) 5 0 R] >>' },
]);

describe('inspectPdf: accepted', () => {
  it('accepts a plain one-page PDF', () => {
    expect(inspectPdf(pdf(pdfObjects()))).toBeUndefined();
  });

  it('accepts a PDF whose objects are in a compressed object stream (typed or not)', () => {
    expect(inspectPdf(pdf(pdfObjects(), { compressed: [1, 2, 3] }))).toBeUndefined();
    expect(
      inspectPdf(pdf(pdfObjects(), { compressed: [1, 2, 3], typedObjectStream: false })),
    ).toBeUndefined();
  });

  it('accepts an /OpenAction that only opens a page (no script)', () => {
    expect(inspectPdf(pdf(pdfObjects('/OpenAction [3 0 R /Fit] ')))).toBeUndefined();
  });

  it('takes no chance-length name in image data or page content for an action: "/JS " in a JPEG, a content stream', () => {
    const image: PdfObject = {
      body: '<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /BitsPerComponent 8 /Filter /DCTDecode >>',
      stream: Buffer.from('\xff\xd8\xff\xe0 random /JS /AA(bytes \xff\xd9', 'latin1'),
    };
    const content: PdfObject = {
      body: '<< /Filter /FlateDecode >>',
      stream: deflateSync(Buffer.from('BT (see /JavaScript) Tj ET /JS', 'latin1')),
    };
    expect(inspectPdf(pdf(pdfObjects('', [image, content])))).toBeUndefined();
  });
});

describe('inspectPdf: refused', () => {
  it.each([
    ['/JavaScript run on open', pdfObjects('/OpenAction 5 0 R ', [JAVASCRIPT_ACTION]), 'JavaScript'],
    ['a document-level script', documentScript, 'JavaScript'],
    [
      'a /Launch action',
      pdfObjects('/OpenAction 5 0 R ', [{ body: '<< /S /Launch /F (cmd.exe) >>' }]),
      'Launch',
    ],
    [
      'additional actions (/AA)',
      pdfObjects('/AA << /WC 5 0 R >> ', [{ body: '<< /S /URI /URI (x) >>' }]),
      'AA',
    ],
    [
      'an embedded file',
      pdfObjects('/Names << /EmbeddedFiles 6 0 R >> ', [
        { body: '<< /Type /EmbeddedFile >>', stream: Buffer.from('MZ payload') },
        { body: '<< /Names [(a.exe) << /Type /Filespec /EF << /F 5 0 R >> >>] >>' },
      ]),
      'EmbeddedFile',
    ],
    ['an XFA form', pdfObjects('/AcroForm << /Fields [] /XFA 5 0 R >> ', [{ body: '[]' }]), 'XFA'],
    [
      'a name spelt with #xx escapes',
      pdfObjects('/OpenAction << /S /J#61vaScript /J#53 (x) >> '),
      'JavaScript',
    ],
  ])('refuses %s as PDF_ACTIVE_CONTENT', (_, objects, name) => {
    const refusal = inspectPdf(pdf(objects));
    expect(refusal?.code).toBe('PDF_ACTIVE_CONTENT');
    expect(refusal?.message).toContain(`/${name} in its objects`);
  });

  it('refuses a script hidden in a FlateDecode object stream (/Type /ObjStm)', () => {
    const refusal = inspectPdf(pdf(documentScript, { compressed: [1, 2, 3, 5, 6] }));
    expect(refusal?.code).toBe('PDF_ACTIVE_CONTENT');
    expect(refusal?.message).toContain('/JavaScript inside a compressed object stream (object 7)');
  });

  it('refuses a script in an object stream without /Type, found through the cross-reference stream', () => {
    // Poppler runs this one (pdfinfo -js prints the script): readers find object streams by the xref, not /Type.
    const refusal = inspectPdf(
      pdf(documentScript, { compressed: [1, 2, 3, 5, 6], typedObjectStream: false }),
    );
    expect(refusal?.code).toBe('PDF_ACTIVE_CONTENT');
    expect(refusal?.message).toContain('inside a compressed object stream (object 7)');
  });

  it('refuses a script inside stream data, where a repairing reader may find it', () => {
    const inData: PdfObject = {
      body: '<< >>',
      stream: Buffer.from('6 0 obj << /S /JavaScript /JS (x) >> endobj'),
    };
    const refusal = inspectPdf(pdf(pdfObjects('', [inData])));
    expect(refusal?.code).toBe('PDF_ACTIVE_CONTENT');
    expect(refusal?.message).toContain('/JavaScript in the data of a stream (object 5)');
  });

  it('is not fooled by a "stream" keyword inside a string that would hide the next object', () => {
    // A reader sees a string in object 5 and a script in object 6; a naive split sees stream data up to object 7.
    const objects = pdfObjects('/OpenAction 6 0 R ', [
      { body: '(fake << /Length 1 >> stream\n)' },
      JAVASCRIPT_ACTION,
      { body: '<< >>', stream: Buffer.from('x') },
    ]);
    expect(inspectPdf(pdf(objects))?.code).toBe('PDF_ACTIVE_CONTENT');
  });

  it('refuses an object stream inside the data of another stream as PDF_UNINSPECTABLE', () => {
    const inData: PdfObject = {
      body: '<< /Subtype /Image /Filter /DCTDecode >>',
      stream: Buffer.from('9 0 obj << /Type /ObjStm /N 1 /First 4 >> stream'),
    };
    expect(inspectPdf(pdf(pdfObjects('', [inData])))?.code).toBe('PDF_UNINSPECTABLE');
  });

  it('refuses an object stream in an encoding it does not decode as PDF_UNINSPECTABLE', () => {
    const refusal = inspectPdf(
      pdf(documentScript, { compressed: [1, 2, 3, 5, 6], objectStreamFilter: '/ASCIIHexDecode' }),
    );
    expect(refusal?.code).toBe('PDF_UNINSPECTABLE');
    expect(refusal?.message).toContain('/ASCIIHexDecode');
  });

  it('refuses an object stream that inflates past 64 MiB as PDF_DECOMPRESSION_BOMB', () => {
    const bomb = pdfBomb();
    expect(bomb.length).toBeLessThan(200 * 1024);
    const refusal = inspectPdf(bomb);
    expect(refusal?.code).toBe('PDF_DECOMPRESSION_BOMB');
    expect(refusal?.message).toContain('more than 64 MB');
  });

  it('refuses an encrypted PDF as PDF_ENCRYPTED', () => {
    const objects = pdfObjects('', [{ body: '<< /Filter /Standard /V 2 /R 3 /P -4 >>' }]);
    expect(inspectPdf(pdf(objects, { trailer: '/Encrypt 5 0 R ' }))?.code).toBe('PDF_ENCRYPTED');
  });

  it('refuses a PDF cut short (no %%EOF in its last 1,024 bytes) as PDF_TRUNCATED', () => {
    const whole = pdf(pdfObjects('', [{ body: '<< >>', stream: Buffer.alloc(4096, 0x20) }]));
    expect(inspectPdf(whole.subarray(0, whole.length - 1500))?.code).toBe('PDF_TRUNCATED');
  });

  it('refuses a PDF with JavaScript through inspectUpload, whatever it is called', async () => {
    const bytes = pdf(pdfObjects('/OpenAction 5 0 R ', [JAVASCRIPT_ACTION]));
    expect(await inspectUpload({ bytes, fileName: 'photo.jpg' })).toMatchObject({
      ok: false,
      code: 'PDF_ACTIVE_CONTENT',
    });
  });
});
