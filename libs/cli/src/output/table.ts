/** A plain text table: columns padded to the widest cell, ANSI-aware, no borders. */
import { visibleWidth } from './style';

export interface Column<Row> {
  header: string;
  value(row: Row): string;
  align?: 'left' | 'right';
}

export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[], header = (s: string) => s): string[] {
  const cells = rows.map((r) => columns.map((c) => c.value(r)));
  // each cell measured once (thousands of rows: measuring is most of the work)
  const cellWidths = cells.map((row) => row.map(visibleWidth));
  const widths = columns.map((c, i) => {
    let w = visibleWidth(c.header);
    for (const row of cellWidths) if (row[i] > w) w = row[i];
    return w;
  });
  const pad = (s: string, width: number, i: number) => {
    const gap = ' '.repeat(widths[i] - width);
    return columns[i].align === 'right' ? gap + s : s + gap;
  };
  const lines = [columns.map((c, i) => header(pad(c.header, visibleWidth(c.header), i))).join('  ').trimEnd()];
  cells.forEach((row, r) => lines.push(row.map((s, i) => pad(s, cellWidths[r][i], i)).join('  ').trimEnd()));
  return lines;
}
