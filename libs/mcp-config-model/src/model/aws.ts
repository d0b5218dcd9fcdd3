/** The AWS profile and region an entry runs with, from its env and its args. */
import type { JsonPath } from '../errors';
import type { AwsSettings, AwsValue } from './schema';
import { findVariableRefs, type VariableSyntax } from './variables';

export interface ArgValue {
  /** Index of the flag in `args`. */
  index: number;
  value: string;
  /** `--x v` (`separate`) or `--x=v` (`joined`). */
  form: 'separate' | 'joined';
  /** Index of the argument holding the value. */
  valueIndex: number;
}

/** Every value given to `flag` in `args`, in both `--flag value` and `--flag=value` forms. */
export function findArgValues(args: readonly string[], flag: string): ArgValue[] {
  const found: ArgValue[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === flag && i + 1 < args.length) {
      found.push({ index: i, value: args[i + 1]!, form: 'separate', valueIndex: i + 1 });
      i++;
    } else if (a.startsWith(flag + '=')) {
      found.push({ index: i, value: a.slice(flag.length + 1), form: 'joined', valueIndex: i });
    }
  }
  return found;
}

/** Read profile and region settings of one entry; `base` is the entry's JSON path. */
export function detectAws(
  entry: { args?: readonly string[]; env?: Readonly<Record<string, string>> },
  syntax: VariableSyntax,
  base: JsonPath = [],
): AwsSettings {
  const make = (value: string, source: AwsValue['source'], jsonPath: JsonPath): AwsValue => ({
    value,
    source,
    jsonPath,
    refs: findVariableRefs(value, syntax),
  });
  const fromArgs = (flag: '--profile' | '--region'): AwsValue[] =>
    findArgValues(entry.args ?? [], flag).map((a) => make(a.value, `arg ${flag}`, [...base, 'args', a.valueIndex]));
  const fromEnv = (key: 'AWS_API_MCP_PROFILE_NAME' | 'AWS_PROFILE' | 'AWS_REGION' | 'AWS_DEFAULT_REGION'): AwsValue[] => {
    const v = entry.env?.[key];
    return typeof v === 'string' ? [make(v, `env.${key}`, [...base, 'env', key])] : [];
  };
  const profiles = [...fromArgs('--profile'), ...fromEnv('AWS_API_MCP_PROFILE_NAME'), ...fromEnv('AWS_PROFILE')];
  const regions = [...fromArgs('--region'), ...fromEnv('AWS_REGION'), ...fromEnv('AWS_DEFAULT_REGION')];
  return {
    ...(profiles[0] ? { profile: profiles[0] } : {}),
    ...(regions[0] ? { region: regions[0] } : {}),
    profiles,
    regions,
  };
}
