/**
 * What we know about running each server, beyond the facts read from its source: its short id,
 * where it reads the profile, which switches make it write, the CLI commands that answer the same
 * questions, and a read-only IAM probe. Keyed by PyPI package; facts (version, flags, tools) come
 * from facts.generated.ts.
 */
import { AWS_MCP_ENDPOINT_REGIONS } from './remote';
import type { Caveat, CliHint } from './schema';

export interface ServerKnowledge {
  id: string;
  title: string;
  /** The catalog id of the server that replaces this one. */
  supersededBy?: string;
  /** Why it is deprecated, when its source carries no notice of its own. */
  deprecated?: string;
  /** Reached through mcp-proxy-for-aws: the remote endpoint, `{region}` filled in per kit. */
  endpoint?: string;
  /** The regions that have the endpoint (others fall back, see `endpointFor`). */
  endpointRegions?: readonly string[];
  /** Mounts tools of the remote aws-knowledge server at start (not in its source; needs the network): remote.ts. */
  proxiesKnowledge?: boolean;
  /** What users must know about running it, shown by lint and on budget lines. */
  caveats?: Caveat[];
  /** Variable the server reads the profile from; absent = needs no AWS credentials. */
  profileEnv?: string;
  profileFlag?: boolean;
  regionFlag?: boolean;
  writeFlags?: string[];
  writeEnv?: Record<string, string>;
  readOnlyFlags?: string[];
  readOnlyEnv?: Record<string, string>;
  cliHints?: CliHint[];
  probe?: { service: string; operation: string; cli: string };
}

export const KNOWLEDGE: Record<string, ServerKnowledge> = {
  'awslabs.eks-mcp-server': {
    id: 'eks',
    title: 'Amazon EKS',
    profileEnv: 'AWS_PROFILE',
    writeFlags: ['--allow-write', '--allow-sensitive-data-access'],
    cliHints: [
      { purpose: 'clusters in the region', command: 'aws eks list-clusters' },
      { purpose: 'one cluster: version, endpoint, status', command: 'aws eks describe-cluster --name <cluster>' },
      { purpose: 'node groups of a cluster', command: 'aws eks list-nodegroups --cluster-name <cluster>' },
    ],
    probe: { service: 'eks', operation: 'ListClusters', cli: 'aws eks list-clusters' },
  },
  'awslabs.cloudwatch-mcp-server': {
    id: 'cloudwatch',
    title: 'Amazon CloudWatch',
    profileEnv: 'AWS_PROFILE',
    cliHints: [
      { purpose: 'alarms firing now', command: 'aws cloudwatch describe-alarms --state-value ALARM' },
      { purpose: 'recent log lines of a group', command: 'aws logs tail <log-group> --since 1h' },
      { purpose: 'log groups', command: 'aws logs describe-log-groups' },
    ],
    probe: { service: 'cloudwatch', operation: 'DescribeAlarms', cli: 'aws cloudwatch describe-alarms --max-records 1' },
  },
  'awslabs.prometheus-mcp-server': {
    id: 'prometheus',
    title: 'Amazon Managed Service for Prometheus',
    profileEnv: 'AWS_PROFILE',
    profileFlag: true,
    regionFlag: true,
    cliHints: [{ purpose: 'Prometheus workspaces', command: 'aws amp list-workspaces' }],
    probe: { service: 'amp', operation: 'ListWorkspaces', cli: 'aws amp list-workspaces' },
  },
  'awslabs.iam-mcp-server': {
    id: 'iam',
    title: 'AWS IAM',
    profileEnv: 'AWS_PROFILE',
    writeFlags: ['--allow-write', '--no-confirmation'],
    cliHints: [
      { purpose: 'roles', command: 'aws iam list-roles' },
      { purpose: 'policies attached to a role', command: 'aws iam list-attached-role-policies --role-name <role>' },
    ],
    probe: { service: 'iam', operation: 'ListRoles', cli: 'aws iam list-roles --max-items 1' },
  },
  'awslabs.bedrock-kb-retrieval-mcp-server': {
    id: 'bedrock-kb',
    title: 'Amazon Bedrock Knowledge Bases',
    profileEnv: 'AWS_PROFILE',
    cliHints: [{ purpose: 'knowledge bases', command: 'aws bedrock-agent list-knowledge-bases' }],
    probe: { service: 'bedrock-agent', operation: 'ListKnowledgeBases', cli: 'aws bedrock-agent list-knowledge-bases' },
  },
  'awslabs.aws-documentation-mcp-server': {
    id: 'aws-documentation',
    title: 'AWS Documentation',
  },
  'awslabs.aws-api-mcp-server': {
    id: 'aws-api',
    title: 'AWS API (any AWS CLI command)',
    supersededBy: 'aws-mcp',
    profileEnv: 'AWS_API_MCP_PROFILE_NAME',
    writeEnv: { READ_OPERATIONS_ONLY: 'false' },
    readOnlyEnv: { READ_OPERATIONS_ONLY: 'true' },
    probe: { service: 'sts', operation: 'GetCallerIdentity', cli: 'aws sts get-caller-identity' },
  },
  'awslabs.billing-cost-management-mcp-server': {
    id: 'billing-cost-management',
    title: 'AWS Billing and Cost Management',
    profileEnv: 'AWS_PROFILE',
    cliHints: [
      { purpose: 'cost of the last month by service', command: 'aws ce get-cost-and-usage --time-period Start=<yyyy-mm-01>,End=<yyyy-mm-01> --granularity MONTHLY --metrics UnblendedCost --group-by Type=DIMENSION,Key=SERVICE' },
      { purpose: 'budgets', command: 'aws budgets describe-budgets --account-id <account>' },
    ],
    probe: { service: 'cost-explorer', operation: 'GetCostAndUsage', cli: 'aws ce get-cost-and-usage' },
  },
  'awslabs.aws-serverless-mcp-server': {
    id: 'serverless',
    title: 'AWS Serverless (SAM, Lambda)',
    profileEnv: 'AWS_PROFILE',
    writeFlags: ['--allow-write', '--allow-sensitive-data-access'],
    cliHints: [
      { purpose: 'Lambda functions', command: 'aws lambda list-functions' },
      { purpose: 'CloudFormation stacks', command: 'aws cloudformation list-stacks --stack-status-filter CREATE_COMPLETE UPDATE_COMPLETE' },
    ],
    probe: { service: 'lambda', operation: 'ListFunctions', cli: 'aws lambda list-functions --max-items 1' },
  },
  'awslabs.dynamodb-mcp-server': {
    id: 'dynamodb',
    title: 'Amazon DynamoDB',
    profileEnv: 'AWS_PROFILE',
    cliHints: [{ purpose: 'tables', command: 'aws dynamodb list-tables' }],
    probe: { service: 'dynamodb', operation: 'ListTables', cli: 'aws dynamodb list-tables' },
  },
  'awslabs.ecs-mcp-server': {
    id: 'ecs',
    title: 'Amazon ECS',
    profileEnv: 'AWS_PROFILE',
    writeEnv: { ALLOW_WRITE: 'true', ALLOW_SENSITIVE_DATA: 'true' },
    proxiesKnowledge: true,
    cliHints: [{ purpose: 'clusters', command: 'aws ecs list-clusters' }],
    probe: { service: 'ecs', operation: 'ListClusters', cli: 'aws ecs list-clusters' },
  },
  'awslabs.cloudtrail-mcp-server': {
    id: 'cloudtrail',
    title: 'AWS CloudTrail',
    profileEnv: 'AWS_PROFILE',
    cliHints: [{ purpose: 'recent management events', command: 'aws cloudtrail lookup-events --max-results 20' }],
    probe: { service: 'cloudtrail', operation: 'LookupEvents', cli: 'aws cloudtrail lookup-events --max-results 1' },
  },
  'awslabs.aws-pricing-mcp-server': {
    id: 'pricing',
    title: 'AWS Pricing',
    profileEnv: 'AWS_PROFILE',
    cliHints: [{ purpose: 'price list of a service', command: 'aws pricing get-products --service-code <AmazonEC2> --region us-east-1' }],
    probe: { service: 'pricing', operation: 'DescribeServices', cli: 'aws pricing describe-services --region us-east-1 --max-items 1' },
  },
  'awslabs.ccapi-mcp-server': {
    id: 'ccapi',
    title: 'AWS Cloud Control API',
    supersededBy: 'iac',
    profileEnv: 'AWS_PROFILE',
    readOnlyFlags: ['--readonly'],
    probe: { service: 'cloudcontrol', operation: 'ListResources', cli: 'aws cloudcontrol list-resources --type-name AWS::S3::Bucket' },
  },
  'awslabs.cloudwatch-applicationsignals-mcp-server': {
    id: 'applicationsignals',
    title: 'CloudWatch Application Signals',
    profileEnv: 'AWS_PROFILE',
    probe: { service: 'application-signals', operation: 'ListServices', cli: 'aws application-signals list-services' },
  },
  'awslabs.aws-iac-mcp-server': {
    id: 'iac',
    title: 'AWS Infrastructure as Code',
    profileEnv: 'AWS_PROFILE',
    proxiesKnowledge: true,
  },
  'mcp-proxy-for-aws': {
    id: 'aws-mcp',
    title: 'AWS MCP Server (managed, remote; through the SigV4 proxy mcp-proxy-for-aws)',
    endpoint: 'https://aws-mcp.{region}.api.aws/mcp',
    endpointRegions: AWS_MCP_ENDPOINT_REGIONS,
    profileEnv: 'AWS_PROFILE',
    profileFlag: true,
    readOnlyFlags: ['--read-only'],
    caveats: [
      {
        severity: 'warning',
        whenArg: '--read-only',
        message:
          'with --read-only, mcp-proxy-for-aws lists only tools marked readOnlyHint; the AWS MCP Server marks none of its API tools (aws___run_script, aws___get_tasks, aws___get_presigned_url) so, read-only, it offers the documentation tools only (aws/mcp-proxy-for-aws#159)',
        fix: 'for AWS API calls, leave --read-only out and give the profile read-only IAM permissions instead',
      },
    ],
    probe: { service: 'sts', operation: 'GetCallerIdentity', cli: 'aws sts get-caller-identity' },
  },
};

/** The remote, credential-free AWS Knowledge server (streamable HTTP); its tools: remote.ts. */
export const AWS_KNOWLEDGE = {
  id: 'aws-knowledge',
  title: 'AWS Knowledge (remote)',
  url: 'https://knowledge-mcp.global.api.aws',
} as const;
