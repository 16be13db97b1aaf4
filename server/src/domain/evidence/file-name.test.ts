import { describe, expect, it } from 'vitest';
import { checkFileName, displayName } from './file-name';

describe('checkFileName', () => {
  it.each([
    ['../../etc/passwd', 'path separator'],
    ['..\\x.jpg', 'path separator'],
    ['/etc/passwd', 'path separator'],
    ['C:\\Users\\crew\\photo.jpg', 'path separator'],
    ['C:photo.jpg', 'drive letter'],
    ['..', 'directory reference'],
    ['photo\u0000.jpg', 'NUL'],
    ['photo\n.jpg', 'control character'],
    ['photo\u001b[31m.jpg', 'control character'],
    ['invoice\u202Egpj.exe', 'text-direction'],
    ['bad\uD800.jpg', 'not valid Unicode'],
    [`${'a'.repeat(252)}.jpg`, 'longer than 255'],
  ])('refuses %j (%s)', (name, why) => {
    const refusal = checkFileName(name);
    expect(refusal?.code).toBe('UNSAFE_FILE_NAME');
    expect(refusal?.message).toContain(why);
  });

  it.each(['IMG_0042.JPG', 'Фото участка 3.jpeg', '变电站 照片.png', 'scan..2024.pdf', '.hidden.webp', ''])(
    'accepts %j',
    (name) => {
      expect(checkFileName(name)).toBeUndefined();
    },
  );
});

describe('displayName', () => {
  it('keeps a name whose extension matches the type, in any case', () => {
    expect(displayName('IMG_0042.JPG', 'image/jpeg')).toBe('IMG_0042.JPG');
    expect(displayName('order.pdf', 'application/pdf')).toBe('order.pdf');
  });

  it("appends the type's extension when the name has none or another one", () => {
    expect(displayName('photo', 'image/jpeg')).toBe('photo.jpg');
    expect(displayName('x.jpg', 'image/png')).toBe('x.jpg.png');
    expect(displayName('.webp', 'image/webp')).toBe('.webp.webp');
  });

  it('trims, normalises to NFC, and names an empty name "evidence"', () => {
    expect(displayName('  me\u0301ter.webp  ', 'image/webp')).toBe('m\u00e9ter.webp');
    expect(displayName('   ', 'application/pdf')).toBe('evidence.pdf');
  });
});
