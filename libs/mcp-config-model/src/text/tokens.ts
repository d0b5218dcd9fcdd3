/**
 * jsonc-parser's `SyntaxKind` values. It is a `const enum` in jsonc-parser's typings, which
 * `isolatedModules` cannot read, so the values used here are spelled out (they are part of its API).
 */
import type { SyntaxKind as JsoncSyntaxKind } from 'jsonc-parser';

export const Token = {
  CommaToken: 5 as JsoncSyntaxKind,
  StringLiteral: 10 as JsoncSyntaxKind,
  LineCommentTrivia: 12 as JsoncSyntaxKind,
  BlockCommentTrivia: 13 as JsoncSyntaxKind,
  LineBreakTrivia: 14 as JsoncSyntaxKind,
  Trivia: 15 as JsoncSyntaxKind,
  EOF: 17 as JsoncSyntaxKind,
} as const;
