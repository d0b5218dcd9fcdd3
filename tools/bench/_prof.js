const { generateConfig } = require('/work/main/tools/bench/lib');
const { parseProfileFiles, parseRaw, normalize } = require('@awsmcp/aws-config-parser');
const text = generateConfig(5000);
const { performance } = require('node:perf_hooks');
for (let i = 0; i < 30; i++) parseProfileFiles({ configText: text });
let t = performance.now(); for (let i = 0; i < 30; i++) parseRaw(text, 'config', 'x'); console.log('parseRaw', (performance.now() - t) / 30);
const raw = parseRaw(text, 'config', 'x');
t = performance.now(); for (let i = 0; i < 30; i++) normalize(raw, undefined, []); console.log('normalize', (performance.now() - t) / 30);
t = performance.now(); for (let i = 0; i < 30; i++) parseProfileFiles({ configText: text }); console.log('all', (performance.now() - t) / 30);
