/**
 * Every fact about a case type's statuses, in one table per type: how a sentence names it, whether it
 * ends the case, and (exit courses) whether the person is still in prison. Rules, workflows, the API's
 * views and SQL read it from here.
 */
export interface StatusDefinition {
  /** The status as a sentence speaks of it, in Danish: "forløbet {text}", "sagen er {text}". */
  readonly text: string;
  /** A final status ends the case: no decision is taken after it. */
  readonly final: boolean;
  /** In prison, with Kriminalforsorgen responsible (exit courses: release preparation applies). */
  readonly inPrison?: boolean;
}

/** The statuses of one case type, in their table's order (the order lists and filters show them in). */
export class CaseStatuses<Status extends string> {
  readonly codes: readonly Status[];
  readonly finals: readonly Status[];

  constructor(private readonly table: Readonly<Record<Status, StatusDefinition>>) {
    this.codes = Object.keys(table) as Status[];
    this.finals = this.codes.filter((code) => table[code].final);
  }

  text(status: Status): string {
    return this.table[status].text;
  }

  isFinal(status: Status): boolean {
    return this.table[status].final;
  }

  inPrison(status: Status): boolean {
    return this.table[status].inPrison === true;
  }
}
