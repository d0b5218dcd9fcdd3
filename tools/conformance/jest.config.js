module.exports = {
  displayName: 'conformance',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
};
