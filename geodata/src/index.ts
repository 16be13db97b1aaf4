/** What the server, the tests and the benchmarks take from geodata: the seed generator and its PRNG. */
export { generateSeed, generateSeedWithTruth, type HiddenFarmStart } from './generate';
export { mulberry32 } from './prng';
