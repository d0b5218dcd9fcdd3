/** Options of `nx g @awsmcp/nx:template` (see schema.json, the source of truth). */
export interface TemplateGeneratorSchema {
  hosts?: string[] | string;
  kit?: string;
  region?: string;
  onboarding?: 'docs' | 'readme' | 'none';
  gitignore?: boolean;
  readOnly?: boolean;
  allowLiteral?: boolean;
  skipFormat?: boolean;
}
