/**
 * The limits of an evidence upload (issue 12, docs/evidence.md). Each is exported so the routes can put the same
 * numbers in their body-size limits and in the messages they show.
 */

/** 10 MiB per file: a phone photo at full resolution is 2–8 MB, a scanned order of a few pages well under 10. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** 20 files per status change or report: enough for a walk around a site, not a dumping ground. */
export const MAX_FILES_PER_RECORD = 20;

/**
 * 50 megapixels: above any phone camera's default output (a 48 MP sensor saves 12 MP unless asked, and 48 MP when
 * asked, 8000 × 6000). A header declaring more is a pixel flood (a decompression bomb for images): decoding it
 * would take width × height × 4 bytes, 40 GB for 100,000 × 100,000.
 */
export const MAX_PIXELS = 50_000_000;

/**
 * What the PDF check inflates, over all the FlateDecode streams it reads, at most: 64 MiB. A 10 MB PDF of text and
 * vector drawings inflates to a few times its size; a stream that inflates past this is a decompression bomb.
 */
export const MAX_PDF_INFLATED_BYTES = 64 * 1024 * 1024;

/** A photo taken more than 1 km from the site's point is flagged FAR_FROM_SITE. */
export const FAR_FROM_SITE_KM = 1;

/** The longest side of a thumbnail, in pixels. */
export const THUMBNAIL_MAX_PX = 256;

/** The longest display name kept, in characters (most file systems stop at 255 bytes). */
export const MAX_FILE_NAME_CHARS = 255;
