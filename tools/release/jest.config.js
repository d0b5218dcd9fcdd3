// The release checks: `nx release --dry-run --first-release` in a fresh clone (builds, versions,
// publish file lists), the changelog renderer, the publish workflow, and publint + attw on every tarball.
module.exports = {
  displayName: 'release-check',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testTimeout: 600_000,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};
