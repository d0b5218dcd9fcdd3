/**
 * How a server's context cost is known, in words (every figure in the catalog is labelled).
 *
 * - `measured`: a real `tools/list` of the pinned version (tools/catalog/data/measured), counted as
 *   `awsmcp tokens` counts: o200k_base over `JSON.stringify({name, description, input_schema})` per tool.
 *   A newer `awsmcp tokens` result of the same version in the measurements store wins over it.
 * - `estimate`: the same count over the tool list tools/catalog/extract.py rebuilds from the source at
 *   the release tag: the description the client receives (`description=` override, else the raw
 *   docstring), and the input schema as pydantic writes it (titles, types, defaults, `Field` and
 *   `Annotated[..., Field(description=...)]` parameter descriptions, `$defs` of models). On the eight
 *   servers with a measurement it agrees within 1% (see catalog.spec.ts).
 */
export const ESTIMATE_BASIS = 'estimate: o200k_base tokens of the tool list rebuilt from the source at the release tag (tools/catalog/extract.py)';

export const MEASURED_BASIS = (file: string): string => `measured: a real tools/list of the pinned version, o200k_base (tools/catalog/data/measured/${file})`;
