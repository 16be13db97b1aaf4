import type { FontFacesSpecification } from 'maplibre-gl';
import latinUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExtUrl from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';

/**
 * Labels are drawn from font files bundled with the app (style `font-faces`) instead of a glyph server,
 * so the map needs nothing from the internet. Chinese text is drawn with the system's CJK font through
 * the map's `localIdeographFontFamily`. The ranges are those of @fontsource's own CSS.
 */
export const LABEL_FONT = 'Noto Sans Regular';

export const FONT_FACES: FontFacesSpecification = {
  [LABEL_FONT]: [
    {
      url: latinUrl,
      'unicode-range': [
        'U+0000-00FF',
        'U+0131',
        'U+0152-0153',
        'U+02BB-02BC',
        'U+02C6',
        'U+02DA',
        'U+02DC',
        'U+2000-206F',
        'U+20AC',
        'U+2122',
        'U+2212',
        'U+FEFF',
        'U+FFFD',
      ],
    },
    {
      url: latinExtUrl,
      'unicode-range': [
        'U+0100-02BA',
        'U+02BD-02C5',
        'U+02C7-02CC',
        'U+1E00-1E9F',
        'U+2C60-2C7F',
        'U+A720-A7FF',
      ],
    },
  ],
};

export const CJK_FONT_FAMILY =
  '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
