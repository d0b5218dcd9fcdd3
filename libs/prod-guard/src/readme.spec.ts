import * as path from 'node:path';
const { describeReadmeExamples } = require('../../../tools/jest/readme-examples');

describeReadmeExamples(path.join(__dirname, '../README.md'), require);
