/** Line amounts in integer cents, so a sandbox total never picks up binary floating point noise. */
export interface NsLine {
	line?: number;
	item?: { id: string };
	quantity?: number;
	rate?: number;
	amount?: number;
	[key: string]: unknown;
}

export function cents(value: unknown): number {
	const n = typeof value === 'number' ? value : Number(value);
	return Number.isFinite(n) ? Math.round(n * 100) : 0;
}

export function lineAmounts(lines: NsLine[]): { items: NsLine[]; total: number } {
	let total = 0;
	const items = lines.map((line, index) => {
		const quantity = line.quantity === undefined ? 1 : Number(line.quantity);
		const amountCents = line.amount !== undefined && line.rate === undefined ? cents(line.amount) : Math.round(cents(line.rate) * quantity);
		total += amountCents;
		return { ...line, line: line.line ?? index + 1, quantity, ...(line.rate !== undefined ? { rate: Number(line.rate) } : {}), amount: amountCents / 100 };
	});
	return { items, total: total / 100 };
}
