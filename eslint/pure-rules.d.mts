import type { Rule } from "eslint";

export declare const pureRules: Rule.RuleModule;
