// Benchmark: parse + normalize a 5,000-profile config with @awsmcp/aws-config-parser against
// @smithy/shared-ini-file-loader (the AWS SDK for JavaScript v3's loader), `ini`, and botocore,
// all on the same input in the same run. Prints times and ratios.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { measure, measureAsync, generateConfig } = require('./lib');
const { parseProfileFiles, parseRaw } = require('@awsmcp/aws-config-parser');
const smithy = require('@smithy/shared-ini-file-loader');
const ini = require('ini');

async function main() {
  const text = generateConfig(5000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-bench-'));
  const file = path.join(dir, 'config');
  fs.writeFileSync(file, text);
  const creds = path.join(dir, 'credentials');
  fs.writeFileSync(creds, '');
  const profiles = Object.keys(parseProfileFiles({ configText: text }).profiles).length;
  console.log(`input: ${profiles} profiles, ${(text.length / 1024 / 1024).toFixed(2)} MB`);

  const ours = measure(() => parseProfileFiles({ configText: text }));
  smithy.externalDataInterceptor.interceptFile(file, text);
  smithy.externalDataInterceptor.interceptFile(creds, '');
  const smithyMs = await measureAsync(() => smithy.loadSharedConfigFiles({ filepath: creds, configFilepath: file, ignoreCache: true }));
  const iniMs = measure(() => ini.parse(text));

  let botocoreMs;
  const py = spawnSync('python3', ['-c', `
import time, sys
from botocore.configloader import raw_config_parse, build_profile_map
raw_config_parse(sys.argv[1])
t = []
for _ in range(5):
    s = time.perf_counter(); build_profile_map(raw_config_parse(sys.argv[1])); t.append(time.perf_counter() - s)
t.sort(); print(t[len(t)//2] * 1000)
`, file], { encoding: 'utf8' });
  if (py.status === 0) botocoreMs = Number(py.stdout.trim());

  const row = (name, ms) => console.log(`  ${name.padEnd(34)} ${ms.toFixed(2).padStart(9)} ms   ${(ms / ours).toFixed(1).padStart(6)}x ours`);
  console.log('parse + normalize, median of 15 runs:');
  row('@awsmcp/aws-config-parser', ours);
  row('@smithy/shared-ini-file-loader', smithyMs);
  row('ini', iniMs);
  if (botocoreMs !== undefined) row('botocore (python3)', botocoreMs);
  else console.log('  botocore (python3)                 not measured: python3 with botocore is not installed');
  const smithyRatio = smithyMs / ours;
  console.log(`target >= 4x faster than smithy: ${smithyRatio.toFixed(1)}x ${smithyRatio >= 4 ? 'MET' : 'NOT MET'}`);
  if (botocoreMs !== undefined) {
    const r = botocoreMs / ours;
    console.log(`target >= 20x faster than botocore: ${r.toFixed(1)}x ${r >= 20 ? 'MET' : 'NOT MET'}`);
  }

  console.log('pathological inputs (tolerant parse, median of 5 runs):');
  const patho = {
    'one 1 MB line': '[profile a]\nk = ' + 'x'.repeat(1024 * 1024),
    '100,000 continuation lines': '[profile a]\nk = v\n' + ' c\n'.repeat(100_000),
    "100,000 '[' characters": '['.repeat(100_000),
    '100,000 comment signs': '[profile a]\nk = v' + ' #;'.repeat(100_000),
  };
  for (const [name, input] of Object.entries(patho)) {
    const ms = measure(() => parseRaw(input, 'config', 'x', { tolerant: true, diagnostics: [] }), { runs: 5, warmup: 1 });
    console.log(`  ${name.padEnd(34)} ${ms.toFixed(2).padStart(9)} ms   ${((input.length / 1024 / 1024) / (ms / 1000)).toFixed(0)} MB/s`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
