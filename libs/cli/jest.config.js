// string-width and its dependencies are ES modules: Node (>= 20.19) requires them as they are, jest's
// CommonJS runtime needs them compiled (ts-jest with tsconfig.esm-deps.json: allowJs, CommonJS), like the TypeScript sources.
const ESM_DEPENDENCIES = ['string-width', 'get-east-asian-width', 'strip-ansi', 'ansi-regex'];

module.exports = {
  displayName: 'cli',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  transform: {
    [`/node_modules/(${ESM_DEPENDENCIES.join('|')})/.+\\.js$`]: ['ts-jest', { tsconfig: '<rootDir>/tsconfig.esm-deps.json', diagnostics: false }],
    '^.+\\.(ts|js|mts|mjs|cts|cjs|html)$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_DEPENDENCIES.join('|')})/)`],
};
