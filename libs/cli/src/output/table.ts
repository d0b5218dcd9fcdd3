/** A plain text table: columns padded to the widest cell, ANSI-aware, no borders. */
import { visibleWidth } from './style';

export interface Column<Row> {
  header: string;
  value(row: Row): string;
  align?: 'left' | 'right';
}

export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[], header = (s: string) => s): string[] {
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  const widths = columns.map((c, i) => Math.max(visibleWidth(c.header), ...cells.map((row) => visibleWidth(row[i]))));
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat(widths[i] - visibleWidth(s));
    return columns[i].align === 'right' ? gap + s : s + gap;
  };
  const lines = [columns.map((c, i) => header(pad(c.header, i))).join('  ').trimEnd()];
  for (const row of cells) lines.push(row.map(pad).join('  ').trimEnd());
  return lines;
}
