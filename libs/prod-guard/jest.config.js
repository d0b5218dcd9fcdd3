module.exports = {
  displayName: 'prod-guard',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
