/**
 * The tool lists of the remote servers (no source to read): per tool, its o200k_base tokens counted as
 * `awsmcp tokens` counts (`JSON.stringify({name, description, input_schema})`), whether it carries
 * `readOnlyHint: true` (what `mcp-proxy-for-aws --read-only` keeps), and where the figure comes from.
 * Hand-kept; the sources and the recount steps are in tools/catalog/data/SOURCE.md ("Remote servers").
 */

export interface RemoteTool {
  name: string;
  tokens: number;
  /** `readOnlyHint: true` in the tool's annotations: `mcp-proxy-for-aws --read-only` keeps only these. */
  readOnlyHint: boolean;
  /** `listed`: counted from a real `tools/list` answer; `estimate`: the description is not published. */
  basis: 'listed' | 'estimate';
}

export interface RemoteToolList {
  url: string;
  /** Where the tool list comes from, in words (with the date it was listed). */
  source: string;
  tools: readonly RemoteTool[];
}

/**
 * The remote AWS Knowledge server: a `tools/list` of https://knowledge-mcp.global.api.aws/mcp taken on
 * 2026-09-01 (published in github.com/api-evangelist/amazon-web-services-aws,
 * `mcp/amazon-web-services-aws-mcp-tools.json` at 78e502f7; 5 tools, all `readOnlyHint: true`). The
 * `aws___recommend` tool of the older docs is no longer listed.
 */
export const AWS_KNOWLEDGE_TOOLS: RemoteToolList = {
  url: 'https://knowledge-mcp.global.api.aws/mcp',
  source: 'a tools/list of https://knowledge-mcp.global.api.aws/mcp taken on 2026-09-01 (github.com/api-evangelist/amazon-web-services-aws, mcp/amazon-web-services-aws-mcp-tools.json)',
  tools: [
    { name: 'aws___read_documentation', tokens: 701, readOnlyHint: true, basis: 'listed' },
    { name: 'aws___search_documentation', tokens: 398, readOnlyHint: true, basis: 'listed' },
    { name: 'aws___list_regions', tokens: 32, readOnlyHint: true, basis: 'listed' },
    { name: 'aws___get_regional_availability', tokens: 538, readOnlyHint: true, basis: 'listed' },
    { name: 'aws___retrieve_skill', tokens: 167, readOnlyHint: true, basis: 'listed' },
  ],
};

/** The mean cost of a listed knowledge tool: the estimate for a tool of the same server whose text is not published. */
const KNOWLEDGE_MEAN = Math.round(AWS_KNOWLEDGE_TOOLS.tools.reduce((n, t) => n + t.tokens, 0) / AWS_KNOWLEDGE_TOOLS.tools.length);

/**
 * The managed AWS MCP Server (https://aws-mcp.<region>.api.aws/mcp) behind mcp-proxy-for-aws: 8 tools
 * since `aws___call_aws` was removed on 2026-08-31 (AWS docs, "Understanding the MCP Server tools";
 * a client's capture with proxy 1.7.0 on 2026-09-25 lists the same 8). Its knowledge tools are the
 * AWS Knowledge server's (same names, same service); the API tools' descriptions are not published:
 * each is estimated at the mean of the listed knowledge tools. The API tools carry no `readOnlyHint`
 * (aws/mcp-proxy-for-aws#159, aws/agent-toolkit-for-aws#45), so `--read-only` removes them.
 */
export const AWS_MCP_TOOLS: RemoteToolList = {
  url: 'https://aws-mcp.{region}.api.aws/mcp',
  source:
    'knowledge tools as listed by the AWS Knowledge server on 2026-09-01; aws___run_script, aws___get_tasks and aws___get_presigned_url (AWS docs, "Understanding the MCP Server tools") at the mean of the listed tools, their text not being published',
  tools: [
    ...AWS_KNOWLEDGE_TOOLS.tools,
    { name: 'aws___run_script', tokens: KNOWLEDGE_MEAN, readOnlyHint: false, basis: 'estimate' },
    { name: 'aws___get_tasks', tokens: KNOWLEDGE_MEAN, readOnlyHint: false, basis: 'estimate' },
    { name: 'aws___get_presigned_url', tokens: KNOWLEDGE_MEAN, readOnlyHint: false, basis: 'estimate' },
  ],
};

/**
 * The regions with an AWS MCP Server endpoint (`aws-mcp.<region>.api.aws/mcp`): AWS General Reference,
 * "AWS MCP Server endpoints and quotas" (https://docs.aws.amazon.com/general/latest/gr/aws-mcp.html; the
 * preview listed us-east-1 and eu-central-1 only). The endpoint region is where the server runs; the
 * region of the AWS calls is `--metadata AWS_REGION=` (aws-api-mcp-server MIGRATION.md: "they can differ").
 */
export const AWS_MCP_ENDPOINT_REGIONS = ['us-east-1', 'us-west-2', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'eu-central-1', 'eu-west-1', 'eu-west-2'] as const;

/**
 * Tools other servers mount from the AWS Knowledge server at start (not in their source), counted as
 * the client receives them from the 2026-09-01 list:
 * - ecs (`modules/aws_knowledge_proxy.py`): `aws_knowledge_aws___search_documentation` and
 *   `aws_knowledge_aws___read_documentation` with ECS guidance appended (its allow-list also names
 *   `aws___recommend`, which the server no longer lists): 499 + 803;
 * - iac (`server.py`, `_create_read_tool_proxy`): `aws___read_documentation` as `read_iac_documentation_page`: 702.
 */
export const PROXIED_KNOWLEDGE_TOOLS: Record<string, { tools: number; tokens: number }> = {
  'awslabs.ecs-mcp-server': { tools: 2, tokens: 1302 },
  'awslabs.aws-iac-mcp-server': { tools: 1, tokens: 702 },
};

/** Sum of a tool list's tokens, optionally only the tools `--read-only` keeps. */
export function remoteTokens(list: RemoteToolList, readOnly = false): { tokens: number; toolCount: number } {
  const tools = list.tools.filter((t) => !readOnly || t.readOnlyHint);
  return { tokens: tools.reduce((n, t) => n + t.tokens, 0), toolCount: tools.length };
}
