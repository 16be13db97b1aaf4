import { defineConfig } from 'vitest/config';
import { answerChecks } from './client/build/answer-checks';

export default defineConfig({
  plugins: [answerChecks()],
  test: {
    include: ['packages/**/*.test.ts', 'server/**/*.test.ts', 'geodata/**/*.test.ts', 'client/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
