import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../renderer/src');
/** Attributes whose text a person reads. */
const READ_ATTRIBUTES = new Set(['title', 'placeholder', 'aria-label', 'alt', 'label']);

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : componentFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

/** Text shown to people that is written in the component instead of taken from renderer/src/i18n. */
function literalsIn(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /[\p{L}]/u.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      READ_ATTRIBUTES.has(node.name.getText()) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer) &&
      /[\p{L}]/u.test(node.initializer.text)
    )
      found.push(`${node.name.getText()}="${node.initializer.text}"`);
    if (ts.isStringLiteral(node) && /\p{Script=Han}/u.test(node.text)) found.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.map((text) => `${path.relative(ROOT, file)}: ${text}`);
}

describe('i18n', () => {
  it('components hold no Chinese or English text of their own', () => {
    const files = componentFiles(ROOT);
    expect(files.length).toBeGreaterThan(5);
    expect(files.flatMap(literalsIn)).toEqual([]);
  });

  it('the check catches a literal', () => {
    const probe = path.join(__dirname, 'literalProbe.fixture.tsx');
    const where = path.relative(ROOT, probe);
    expect(literalsIn(probe)).toEqual([`${where}: 保存`, `${where}: aria-label="Close"`]);
  });
});
