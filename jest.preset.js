// Shared jest settings for every project. Tests import sibling packages by name; the
// "@awsmcp/source" export condition makes those imports resolve to the TypeScript sources
// (the same trick Nx itself uses with "@nx/nx-source"), so no build is needed before a test run.
const path = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  testEnvironmentOptions: {
    customExportConditions: ['@awsmcp/source', 'node', 'require', 'default'],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  reporters: ['default', path.join(__dirname, 'tools/jest/summary-reporter.js')],
};
