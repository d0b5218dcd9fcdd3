/** `awsmcp tokens --json` (schemaVersion 1): the zod schema is the source of truth for the shape. */
import { z } from 'zod';

export const ToolCostSchema = z.object({ name: z.string(), tokens: z.number().int().nonnegative() });

export const TokensServerSchema = z.object({
  /** The entry name (host file), catalog id, or kit instance name. */
  name: z.string(),
  source: z.enum(['host-file', 'catalog', 'kit']),
  /** The kit it came from (`tokens eks-debug`). */
  kit: z.string().optional(),
  /** The key the measurement is stored under: catalog id, else package, else the server's own name. */
  key: z.string().optional(),
  catalogId: z.string().optional(),
  version: z.string().optional(),
  status: z.enum(['measured', 'failed', 'skipped']),
  tokens: z.number().int().nonnegative().optional(),
  toolCount: z.number().int().nonnegative().optional(),
  /** tokens / limit. */
  share: z.number().nonnegative().optional(),
  /** What the kits assumed before this measurement (catalog servers). */
  estimate: z.object({ tokens: z.number().int().nonnegative(), source: z.string(), basis: z.string() }).optional(),
  tools: z.array(ToolCostSchema).optional(),
  /** Why a server was skipped (remote servers). */
  note: z.string().optional(),
  error: z
    .object({ reason: z.string(), message: z.string(), fix: z.string().optional(), stderrTail: z.array(z.string()) })
    .optional(),
});
export type TokensServer = z.infer<typeof TokensServerSchema>;

export const TokensJsonSchema = z.object({
  schemaVersion: z.literal(1),
  command: z.literal('tokens'),
  tokenizer: z.object({
    /** `o200k_base`. */
    name: z.string(),
    /** `o200k_base (gpt-tokenizer@4.0.0)`: stored with each measurement. */
    label: z.string(),
    /** How close it is expected to be to Claude's count. */
    note: z.string(),
  }),
  limit: z.number().int().positive(),
  /** Sum over the measured servers. */
  total: z.number().int().nonnegative(),
  verdict: z.enum(['under', 'over']),
  servers: z.array(TokensServerSchema),
  cache: z.object({ file: z.string(), saved: z.boolean() }),
});
export type TokensJson = z.infer<typeof TokensJsonSchema>;
