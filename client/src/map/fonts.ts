import latinUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExtUrl from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import { labelFontFaces } from '@gridwatch/contract';

/** The label font's files as the client bundles them (the ranges and the name are the contract's, fonts.ts). */
export const FONT_FACES = labelFontFaces({ latin: latinUrl, latinExt: latinExtUrl });

export { LABEL_FONT } from '@gridwatch/contract';

export const CJK_FONT_FAMILY =
  '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif';
