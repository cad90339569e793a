import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// UI text lives in messages/<locale>/*.json. This check reads every .tsx file of
// components/ and app/ and reports JSX text, string children ({"…"}) and
// user-facing attributes given as literals.
const ROOTS = ["components", "app"];
const TEXT_ATTRIBUTES = new Set([
  "placeholder",
  "title",
  "aria-label",
  "alt",
  "label",
  "aria-description",
  "aria-roledescription",
  "aria-valuetext",
]);

// Words that are the same in every language: the product's name.
const NAMES = /\bPathwise\b/g;
// Whatever is left must hold no letters: symbols, punctuation, digits, arrows, bullets ("·", "→", "%", "—", "…").
const NO_WORDS = /^[^\p{L}]*$/u;

type Finding = { file: string; line: number; text: string };

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.name.endsWith(".tsx") && !entry.name.endsWith(".test.tsx") ? [full] : [];
  });
}

function isAllowed(text: string): boolean {
  return NO_WORDS.test(text.replace(NAMES, ""));
}

/** The literal UI strings of one TSX source text. */
export function literalUiStrings(source: string, file = "inline.tsx"): Finding[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const findings: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    if (isAllowed(text)) return;
    const { line } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    findings.push({ file, line: line + 1, text: text.replace(/\s+/g, " ").trim() });
  };
  const literalText = (node: ts.Node | undefined): string | undefined => {
    if (!node) return undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node))
      return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" ");
    if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
    return undefined;
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (
      ts.isJsxExpression(node) &&
      node.parent &&
      (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))
    ) {
      const text = literalText(node.expression);
      if (text !== undefined) report(node, text);
    } else if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(sourceFile))) {
      const init = node.initializer;
      const text = init && ts.isJsxExpression(init) ? literalText(init.expression) : literalText(init);
      if (text !== undefined) report(node, text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return findings;
}

describe("no literal UI strings in components", () => {
  it("finds JSX text, string children and text attributes, and allows symbols and the product name", () => {
    const found = literalUiStrings(`
      const a = <p title="Open plan">Hello {"there"} <span aria-label={\`Close \${x}\`}>×</span> Pathwise · {t("ok")}</p>;
      const b = <input placeholder={t("name")} alt="" className="text-sm" />;
    `);
    expect(found.map((f) => f.text)).toEqual(["Open plan", "Hello", "there", "Close"]);
    expect(literalUiStrings(`const c = <h1>Pathwise Plans</h1>;`).map((f) => f.text)).toEqual(["Pathwise Plans"]);
  });

  it("every .tsx file of components/ and app/ takes its text from the message files", () => {
    const findings = ROOTS.flatMap((root) => filesUnder(path.join(process.cwd(), root))).flatMap((file) =>
      literalUiStrings(fs.readFileSync(file, "utf8"), path.relative(process.cwd(), file)),
    );
    expect(findings.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });
});
