module.exports = {
  displayName: 'starter-kits',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
