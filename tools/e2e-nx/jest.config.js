// The packed-tarball end-to-end test of @awsmcp/nx: a fresh Nx workspace in a temp folder, nx from
// the npm registry, our packages from `npm pack`. It takes a minute or two: its own project and timeout.
module.exports = {
  displayName: 'e2e-nx',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testTimeout: 280_000,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};
