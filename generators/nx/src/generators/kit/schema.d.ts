/** Options of `nx g @awsmcp/nx:kit` (see schema.json, the source of truth). */
export interface KitGeneratorSchema {
  /** The kit: a built-in kit or one defined in awsmcp-kits.yaml. */
  name: string;
  profile?: string;
  region?: string;
  hosts?: string[] | string;
  mode?: 'concrete' | 'inputs';
  multiAccount?: boolean;
  confirm?: boolean;
  yes?: boolean;
  replace?: boolean;
  tokenLimit?: number;
  validateProfile?: boolean;
  readOnly?: boolean;
  skipFormat?: boolean;
}
