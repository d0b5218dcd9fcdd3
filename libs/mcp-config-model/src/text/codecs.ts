/**
 * The TOML and YAML codecs, loaded on first use: most runs meet JSON files only, and the two parsers
 * cost startup time every CLI command would otherwise pay.
 */
import type * as TomlEdit from './toml-edit';
import type * as YamlEdit from './yaml-edit';

let toml: typeof TomlEdit | undefined;
let yaml: typeof YamlEdit | undefined;

export function tomlCodec(): typeof TomlEdit {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (toml ??= require('./toml-edit') as typeof TomlEdit);
}

export function yamlCodec(): typeof YamlEdit {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (yaml ??= require('./yaml-edit') as typeof YamlEdit);
}

/** The plain value of a TOML or YAML text, through its codec (the parser's error on bad syntax). */
export function structuredValueOf(format: 'toml' | 'yaml', text: string): unknown {
  if (format === 'toml') {
    const t = tomlCodec();
    return t.tomlValue(t.parseToml(text));
  }
  const y = yamlCodec();
  return y.yamlValue(y.parseYaml(text));
}
