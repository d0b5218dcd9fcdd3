/** Options of `nx g @awsmcp/nx:init` (see schema.json, the source of truth). */
export interface InitGeneratorSchema {
  targetName?: string;
  cli?: boolean;
  skipPackageJson?: boolean;
  skipFormat?: boolean;
}
