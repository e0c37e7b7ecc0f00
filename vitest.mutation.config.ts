import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import unitConfig from './vitest.config';

// The unit tests of the mutated directories only, for Stryker (stryker.config.json): no browser or
// Firefox project, whose builds and real browsers a mutant cannot reach. The conformance tests on
// large real captures stay out too: each takes seconds per run on a loaded machine, and Stryker
// reruns the tests covering a mutant for every mutant; the adapters' own fixture tests cover the
// same selectors. (Their survivors are listed in stryker-survivors.md.)
// stryker.config.mjs passes MUTATE_DIR to its test runners: then only that directory's tests run.
const only = process.env.MUTATE_DIR;
const unit = unitConfig.test?.projects?.[0] as { test: Record<string, unknown> };

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    ...unit.test,
    name: undefined,
    include: [only ? `lib/${only}/**/*.test.ts` : 'lib/{numbers,metrics,storage,platforms}/**/*.test.ts'],
    exclude: ['**/*.conformance.test.ts', '**/node_modules/**'],
    // Property tests read it to run a few dozen cases instead of thousands: Stryker reruns them for
    // every mutant, and the plain cases beside them are what should kill mutants.
    env: { FEEDLENS_MUTATION: '1' },
  },
});
