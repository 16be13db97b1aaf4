/**
 * The names of the design notes the project started from, which are not in the repository: a reader of docs/ or
 * of /api/docs cannot open them, so neither names them (issue 13).
 */
export const OUTSIDE_REFERENCE = /\b(?:DOMAIN|API|STACK|QUALITY|ISSUES?|BRIEF)\.md\b|\bdesign\/|\bshared\//g;
