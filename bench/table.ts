/** Prints rows as an aligned text table (first row = header). */
export function formatTable(rows: string[][]): string {
	const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
	const line = (row: string[]) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join('  ');
	return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
