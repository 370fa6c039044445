import type { Rule } from "eslint";

export declare const namedArguments: Rule.RuleModule;
