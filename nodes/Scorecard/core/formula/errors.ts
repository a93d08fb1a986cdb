/** A formula that cannot be read, with the 1-based column of the problem. */
export class FormulaError extends Error {
	constructor(
		readonly reason: string,
		readonly position: number,
		readonly formula: string,
	) {
		super(`${reason} at position ${position}`);
		this.name = 'FormulaError';
	}

	/** The formula with a caret under the position, for an error description. */
	get pointer(): string {
		const line = this.formula.replace(/\s/g, ' ');
		return `${line}\n${' '.repeat(Math.max(0, this.position - 1))}^`;
	}
}
