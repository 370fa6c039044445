import type { Rule } from "eslint";

export declare const OWNERS: Record<string, string[]>;
export declare const ownTables: Rule.RuleModule;
