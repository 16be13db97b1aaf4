import type { FontFacesSpecification } from '@maplibre/maplibre-gl-style-spec';

/**
 * Labels are drawn from font files served with the app (style `font-faces`) instead of a glyph server, so the
 * map needs nothing from the internet. Chinese text is drawn with the system's CJK font (MapLibre's
 * `localIdeographFontFamily`). The ranges are those of @fontsource/noto-sans's own CSS; each side says where
 * the two files are (the client's bundle, the server's /ogc/styles/gridwatch/fonts/).
 */
export const LABEL_FONT = 'Noto Sans Regular';

/** The @fontsource/noto-sans files the labels use, by the name the package gives them. */
export const LABEL_FONT_FILES = {
  latin: 'noto-sans-latin-400-normal.woff2',
  latinExt: 'noto-sans-latin-ext-400-normal.woff2',
} as const;

export function labelFontFaces(urls: Record<keyof typeof LABEL_FONT_FILES, string>): FontFacesSpecification {
  return {
    [LABEL_FONT]: [
      {
        url: urls.latin,
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
        url: urls.latinExt,
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
}
