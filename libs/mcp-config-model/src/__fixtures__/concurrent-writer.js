// Child process of the concurrency test: adds COUNT servers named PREFIX-0.. one update at a time,
// each a locked read-modify-write of FILE.
require('./ts-register.js');
const { updateConfigFile, addServers } = require('../index.ts');

const [file, prefix, count] = process.argv.slice(2);
(async () => {
  for (let i = 0; i < Number(count); i++) {
    await updateConfigFile(file, (text) =>
      addServers(text, 'claude-code', [{ name: `${prefix}-${i}`, command: 'uvx', args: [`awslabs.${prefix}-mcp-server==1.0.${i}`] }]).text,
    );
  }
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
