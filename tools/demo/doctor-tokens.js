// Demo step: `awsmcp tokens` on the npm MCP server (@modelcontextprotocol/server-everything),
// `awsmcp doctor` for a demo profile and `awsmcp org-scan` against a moto_server (AWS API emulator)
// that this script starts on a free loopback port and stops at the end. Run after the packages are built (`npm run demo`
// calls it); plain CommonJS. Each step prints the command, then its real output.
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const bin = path.join(root, 'libs/cli/dist/bin.js');
const everything = path.join(root, 'node_modules/@modelcontextprotocol/server-everything/dist/index.js');
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function which(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const file = path.join(dir, name);
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      /* next */
    }
  }
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function startMoto() {
  const motoBin = which('moto_server');
  if (!motoBin) throw new Error('moto_server is not installed: `pip install "moto[server]"` (the demo emulates STS, EKS and CloudWatch with it)');
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn(motoBin, ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore', detached: true });
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1000) })).status === 200) break;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  };
  return { endpoint, stop };
}

async function seed(endpoint) {
  const keys = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'demo-not-a-secret' };
  const { STSClient, AssumeRoleCommand } = require('@aws-sdk/client-sts');
  const { EKSClient, CreateClusterCommand } = require('@aws-sdk/client-eks');
  // a cluster in the account the demo profile's role chain ends in (moto keeps accounts apart)
  const sts = new STSClient({ region: 'eu-west-1', endpoint, credentials: keys });
  const role = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/Seeder', RoleSessionName: 'seed' }));
  const creds = { accessKeyId: role.Credentials.AccessKeyId, secretAccessKey: role.Credentials.SecretAccessKey, sessionToken: role.Credentials.SessionToken };
  const eks = new EKSClient({ region: 'eu-west-1', endpoint, credentials: creds });
  await eks.send(new CreateClusterCommand({ name: 'checkout-dev', roleArn: 'arn:aws:iam::111122223333:role/eks-cluster', resourcesVpcConfig: { subnetIds: [] } }));
  sts.destroy();
  eks.destroy();
  // an organization (the demo-admin keys' account is its management account) with a few accounts
  const { OrganizationsClient, CreateOrganizationCommand, CreateAccountCommand, DescribeCreateAccountStatusCommand } = require('@aws-sdk/client-organizations');
  const org = new OrganizationsClient({ region: 'us-east-1', endpoint, credentials: keys });
  await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
  const ids = {};
  for (const name of ['Checkout Dev', 'Checkout Prod', 'Data Lake (EU)', 'Sandbox', 'Sandbox', 'Log Archive']) {
    const r = await org.send(new CreateAccountCommand({ AccountName: name, Email: `${name.toLowerCase().replace(/\W+/g, '-')}@example.com` }));
    const st = await org.send(new DescribeCreateAccountStatusCommand({ CreateAccountRequestId: r.CreateAccountStatus.Id }));
    ids[name] = st.CreateAccountStatus.AccountId;
  }
  org.destroy();
  return ids;
}

async function main() {
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: build first (npx nx run cli:build)`);
  const moto = await startMoto();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'awsmcp-demo-doctor-'));
  try {
    const ids = await seed(moto.endpoint);
    const home = path.join(base, 'home');
    const workspace = path.join(base, 'workspace');
    fs.mkdirSync(path.join(home, '.aws'), { recursive: true });
    fs.mkdirSync(workspace, { recursive: true });
    fs.writeFileSync(
      path.join(home, '.aws/config'),
      [
        '[profile demo-admin]',
        'region = eu-west-1',
        '',
        '[profile platform-hub]',
        'role_arn = arn:aws:iam::444455556666:role/PlatformHub',
        'source_profile = demo-admin',
        '',
        '[profile dev-sandbox]',
        'role_arn = arn:aws:iam::111122223333:role/McpReadOnly',
        'source_profile = platform-hub',
        'region = eu-west-1',
        '',
        '[profile checkout-dev]',
        'sso_session = corp',
        `sso_account_id = ${ids['Checkout Dev']}`,
        'sso_role_name = ReadOnly',
        'region = eu-west-1',
        '',
        '[profile checkout-prod]',
        'sso_session = corp',
        `sso_account_id = ${ids['Checkout Prod']}`,
        'sso_role_name = ReadOnly',
        'region = eu-west-1',
        '',
        '[sso-session corp]',
        'sso_start_url = https://corp.awsapps.com/start',
        'sso_region = eu-west-1',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(home, '.aws-profile-tags.yaml'), '# profile -> environment\ncheckout-dev: dev\ncheckout-prod: prod\ndev-sandbox: sandbox\n');
    fs.writeFileSync(path.join(home, '.aws/credentials'), '[demo-admin]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = demo-not-a-secret\n', { mode: 0o600 });
    const broken = path.join(base, 'fake-mcp-server.js');
    fs.writeFileSync(broken, "process.stderr.write('usage: awslabs.fake-mcp-server [-h] [--allow-write]\\nawslabs.fake-mcp-server: error: unrecognized arguments: ' + process.argv.slice(2).join(' ') + '\\n'); process.exit(2);\n");
    fs.writeFileSync(
      path.join(workspace, '.mcp.json'),
      JSON.stringify(
        {
          mcpServers: {
            everything: { command: 'node', args: [everything, 'stdio'], env: { AWS_PROFILE: 'dev-sandbox', AWS_REGION: 'eu-west-1' } },
            'fake-eks': { command: 'node', args: [broken, '--region', 'eu-west-1'], env: { AWS_PROFILE: 'dev-sandbox' } },
          },
        },
        null,
        2,
      ) + '\n',
    );
    const env = { ...process.env, HOME: home, USERPROFILE: home, AWS_ENDPOINT_URL: moto.endpoint, AWS_EC2_METADATA_DISABLED: 'true', XDG_CACHE_HOME: path.join(home, '.cache') };
    for (const k of ['AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) delete env[k];
    console.log(`\nmoto_server on ${moto.endpoint} (AWS_ENDPOINT_URL); demo home: ${home}`);

    const step = (title, args, allowFail = false) => {
      console.log(`\n\x1b[1m== ${title}\x1b[0m\n$ awsmcp ${args.join(' ')}`);
      const r = spawnSync(process.execPath, [bin, ...args], { cwd: workspace, env, stdio: 'inherit', timeout: 120000 });
      if (r.status !== 0 && !allowFail) throw new Error(`demo step failed with exit code ${r.status}`);
    };
    step('what the npm MCP server costs in context tokens (measured over MCP)', ['tokens', 'everything']);
    step('doctor for a profile: STS through a two-role chain, then read-only IAM probes', ['doctor', '--profile', 'dev-sandbox', '--probe', 'eks,cloudwatch']);
    step('doctor for a server entry: all four layers', ['doctor', 'everything', '--probe', 'eks']);
    step('doctor for a server that rejects its arguments (exit code 1)', ['doctor', 'fake-eks'], true);
    step('the organization against the configured profiles (ListAccounts, every page)', ['org-scan', '--profile', 'demo-admin', '--page-size', '5']);
    step('ready profiles for the accounts without one', ['org-scan', '--profile', 'demo-admin', '--generate-profiles']);
  } finally {
    moto.stop();
    fs.rmSync(base, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(`demo: ${e.message}`);
  process.exit(1);
});
