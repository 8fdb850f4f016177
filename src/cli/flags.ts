/** Parsed command-line flags, as node:util parseArgs returns them. */
export type Flags = Record<string, string | boolean | undefined>;
