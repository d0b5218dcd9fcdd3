module.exports = {
  displayName: 'credential-cache-inspector',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
