import * as fs from 'node:fs';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { render, docsFile } = require('../../../tools/scripts/nx-plugin-docs') as { render: () => string; docsFile: string };

describe('docs/nx-plugin.md', () => {
  it('is the page rendered from the schema.json files (run node tools/scripts/nx-plugin-docs.js when this fails)', () => {
    expect(fs.readFileSync(docsFile, 'utf8')).toBe(render());
  });

  it('documents every generator and executor option', () => {
    const page = fs.readFileSync(docsFile, 'utf8');
    for (const flag of ['--profile', '--region', '--hosts', '--mode', '--multi-account', '--confirm', '--yes', '--no-validate-profile', '--onboarding', '--target-name', '--json', '--fail-on-warnings']) {
      expect(page).toContain(`\`${flag}`);
    }
  });
});
