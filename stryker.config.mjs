// Mutation testing of the pure core: `npm run test:mutation` mutates all four directories; set
// MUTATE_DIR to one of them (numbers, metrics, storage, platforms) to run just that one, e.g.
// `MUTATE_DIR=numbers npm run test:mutation`. Incremental: only mutants in changed code, or covered by
// changed tests, run again (reports/ keeps the last result per directory). The mutants that survive,
// and why they may, are listed in stryker-survivors.md.
const directories = ['numbers', 'metrics', 'storage', 'platforms'];
const only = process.env.MUTATE_DIR;
if (only && !directories.includes(only)) throw new Error(`MUTATE_DIR must be one of ${directories.join(', ')}`);
const chosen = only ? [only] : directories;
// MUTATE_FILES narrows MUTATE_DIR to some of its files, by base name without `.ts` and comma-separated
// (e.g. `MUTATE_DIR=platforms MUTATE_FILES=x,bluesky`): lib/platforms is too large for one run on a
// two-core machine, so it is measured one adapter at a time, each with its own report.
const files = process.env.MUTATE_FILES?.split(',').filter(Boolean);
if (files && !only) throw new Error('MUTATE_FILES needs MUTATE_DIR');
const name = (only ?? 'all') + (files ? `-${files.join('+')}` : '');
const globs = files ? files.map((file) => `lib/${only}/${file}.ts`) : chosen.map((dir) => `lib/${dir}/**/*.ts`);

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    ...globs,
    '!lib/**/*.test.ts',
    // Test helpers, not product code.
    '!lib/numbers/test-locales.ts',
    '!lib/platforms/real-captures.ts',
  ],
  // Fixtures are HTML, not code to type-check.
  disableTypeChecks: 'lib/**/*.ts',
  // Mutants in module-level data (the locale tables, selector lists) run every test of the
  // directory: 88% of lib/numbers' mutants, 97% of its run time. They are left out; the tables
  // themselves are checked by the tests that read each locale (stryker-survivors.md).
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${name}.json`,
  // Sized for a two-core machine.
  concurrency: 2,
  // A mutant that loops forever (a scanner never advancing) is caught by this timeout.
  timeoutMS: 5_000,
  thresholds: { high: 90, low: 85, break: null },
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
