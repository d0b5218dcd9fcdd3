/**
 * @awsmcp/starter-kits: version-pinned AWS MCP server configs ("kits") with an honest context
 * budget, built from facts read in the servers' own source.
 */
export { getCatalog, buildCatalog, findServer, endpointFor, costFromFacts, REGION_ENVS } from './catalog/catalog';
export { ESTIMATE_BASIS, MEASURED_BASIS } from './catalog/estimate';
export { FACTS_SOURCE, SERVER_FACTS, MEASURED_TOOL_LISTS } from './catalog/facts.generated';
export { CatalogSchema, CatalogServerSchema, ServerFactsSchema, MeasuredToolListSchema, ContextCostSchema, CliHintSchema } from './catalog/schema';
export type { Catalog, CatalogServer, ServerFacts, MeasuredToolList, ContextCost, CliHint } from './catalog/schema';
export { BUILTIN_KITS, KITS_FILE, KitSchema, parseKitsFile, findKit } from './kits';
export type { Kit } from './kits';
export { buildKit, pinnedCommand, assertAcceptedFlags, hostTakesRemote, serverNameSlug, WRITABLE_HOSTS, DEFAULT_HOSTS } from './build';
export type { BuildKitOptions, KitEntry, KitHost, KitInstance } from './build';
export { budget, cliFirstCommands, DEFAULT_TOKEN_LIMIT, MeasurementSchema } from './budget';
export type { Budget, BudgetLine, BudgetOptions, Measurement } from './budget';
export { measurementsFile, readMeasurements, saveMeasurements, mergeMeasurements, MAX_MEASUREMENTS } from './measurements';
export type { MeasurementsLocation } from './measurements';
export { outdatedPins, compareVersions } from './pins';
export type { OutdatedPin } from './pins';
export { KitError } from './errors';
export type { KitErrorCode } from './errors';
export { planKit } from './plan';
export type { PlanKitInput, KitPlan, KitFilePlan, KitMode, ProdConfirmationNeeded } from './plan';
export { kitWorkspaceFile, kitUserFile, oneHostPerFile, WORKSPACE_KIT_HOSTS, hostEvidence, hostEvidencePaths, detectKitHosts, parseKitHosts } from './hosts';
export type { HostSelection } from './hosts';
export { findLeaks, formatLeaks } from './leaks';
export type { Leak } from './leaks';
export { endpointRegionFor } from './catalog/catalog';
export { CaveatSchema } from './catalog/schema';
export type { Caveat } from './catalog/schema';
export type { BudgetEntry } from './budget';
export { AWS_KNOWLEDGE_TOOLS, AWS_MCP_TOOLS, AWS_MCP_ENDPOINT_REGIONS, PROXIED_KNOWLEDGE_TOOLS, remoteTokens } from './catalog/remote';
export type { RemoteTool, RemoteToolList } from './catalog/remote';
