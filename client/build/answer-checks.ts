/**
 * The client's answer checks, compiled at build time. The page's Content-Security-Policy forbids `eval`, so a
 * validator compiled in the browser (TypeBox's Compile) falls back to interpreting the schema — about 280 ms
 * for the attribute table's 10,000 sites. Here every answer the client decodes is compiled by Ajv into plain
 * standalone code that the bundle imports as `virtual:answer-checks` (docs/architecture.md). Only the answers
 * the client decodes are compiled: every schema of the contract would add 600 kB to the bundle.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';
import { Type } from 'typebox';
import type { Plugin } from 'vite';

// ajv's standalone entry is CommonJS; its default export arrives wrapped under ESM interop.
const standaloneCode =
  (standaloneModule as unknown as { default?: typeof standaloneModule }).default ?? standaloneModule;

const VIRTUAL = 'virtual:answer-checks';
const ANSWERS_MODULE = fileURLToPath(new URL('../src/api/answers.ts', import.meta.url));
const RESOLVED = `\0${VIRTUAL}`;

/** A TypeBox schema (it carries its `~kind`), as against a plain object of constants. */
const isSchema = (value: unknown): value is object => Type.IsSchema(value) && '~kind' in (value as object);

/**
 * Each answer schema the client decodes (src/api/answers.ts), named as the client finds it: `Name` for a schema,
 * `Name.key` for one in a record of schemas (LAYER_FEATURE.sites).
 */
export function answerSchemas(answers: Record<string, unknown>): Map<string, object> {
  const schemas = new Map<string, object>();
  for (const [name, value] of Object.entries(answers)) {
    if (isSchema(value)) schemas.set(name, value);
    else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value))
        if (isSchema(inner)) schemas.set(`${name}.${key}`, inner);
    }
  }
  return schemas;
}

/** The identifier a check is exported under. */
const checkName = (schemaName: string) => `check_${schemaName.replace('.', '__')}`;

/**
 * The answers module, loaded through tsx: it is TypeScript importing the contract's TypeScript, which the bundled
 * Vite/Vitest config cannot import natively.
 */
async function loadAnswers(): Promise<Record<string, unknown>> {
  const { tsImport } = await import('tsx/esm/api');
  return (await tsImport(pathToFileURL(ANSWERS_MODULE).href, import.meta.url)) as Record<string, unknown>;
}

async function answerChecksModule(): Promise<string> {
  const schemas = answerSchemas(await loadAnswers());
  const ajv = new Ajv({ code: { source: true, esm: true }, strict: false });
  ajv.addFormat('binary', true);
  const exports: Record<string, string> = {};
  for (const [name, schema] of schemas) {
    // Without its $id: a schema embedded in others (ErrorBody) would otherwise be added twice.
    const { $id: _id, ...anonymous } = schema as { $id?: string };
    ajv.addSchema(anonymous, name);
    exports[checkName(name)] = name;
  }
  // The checks keyed by the schema objects themselves, so the client finds one by the schema it holds.
  const entries = [...schemas.keys()].map((name) => `[answers.${name}, ${checkName(name)}]`);
  return [
    standaloneCode(ajv, exports),
    `import * as answers from '${ANSWERS_MODULE}';`,
    `export const CHECKS = new Map([${entries.join(', ')}]);`,
  ].join('\n');
}

/** Vite (and Vitest) plugin serving `virtual:answer-checks`. */
export function answerChecks(): Plugin {
  return {
    name: 'gridwatch-answer-checks',
    resolveId: (id) => (id === VIRTUAL ? RESOLVED : null),
    load: (id) => (id === RESOLVED ? answerChecksModule() : null),
  };
}
