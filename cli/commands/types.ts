export interface Command {
	name: string;
	summary: string;
	usage: string;
	run(argv: string[]): Promise<number>;
}
