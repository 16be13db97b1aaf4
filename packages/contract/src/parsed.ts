/** The outcome of parsing a value from text: the value, or why it is refused (said to the user as it is). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
