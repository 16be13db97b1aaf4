/** Standalone Ajv checks of every contract schema, compiled at build time (client/build/answer-checks.ts). */
declare module 'virtual:answer-checks' {
  export interface AnswerCheck {
    (value: unknown): boolean;
    errors?: { instancePath: string; message?: string }[] | null;
  }
  /** Keyed by the contract's schema objects themselves. */
  export const CHECKS: ReadonlyMap<object, AnswerCheck>;
}
