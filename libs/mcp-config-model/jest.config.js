module.exports = {
  displayName: 'mcp-config-model',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
