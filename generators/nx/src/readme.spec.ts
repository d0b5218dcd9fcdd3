import * as path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { describeReadmeExamples } = require('../../../tools/jest/readme-examples');

describeReadmeExamples(path.join(__dirname, '../README.md'), require);
