module.exports = {
  displayName: 'aws-config-parser',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
