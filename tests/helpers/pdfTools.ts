import { execFileSync, spawnSync } from 'node:child_process';

/** poppler's and qpdf's view of a PDF: what a print shop's tools would see. */
export function qpdfCheck(file: string): { ok: boolean; output: string } {
  const run = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
  return { ok: run.status === 0, output: run.stdout + run.stderr };
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

export function pdfFonts(file: string): FontRow[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  return out
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(line);
      if (!m) throw new Error(`unparsed pdffonts line: ${line}`);
      return {
        name: m[1]!,
        type: m[2]!.trim(),
        embedded: m[4] === 'yes',
        subset: m[5] === 'yes',
        unicode: m[6] === 'yes',
      };
    });
}

export function pdfText(file: string, options: string[] = []): string {
  return execFileSync('pdftotext', [...options, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export function pdfPageCount(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/**
 * The text as a reader follows it, whitespace removed: folios (lines of a page number in arabic
 * or roman numerals) and running heads (lines equal to one of `heads`) interrupt the running
 * text between pages, so they are dropped.
 */
export function pdfReadingText(file: string, heads: string[]): string {
  return pdfText(file)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => !/^(\d+|[ivxlcdm]+)$/.test(line) && !heads.includes(line))
    .join('')
    .replace(/\s+/g, '');
}

/** Rewrites a PDF as a print shop's Ghostscript does (`pdfwrite`). */
export function ghostscriptRewrite(file: string, output: string): void {
  execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-sDEVICE=pdfwrite', `-sOutputFile=${output}`, file]);
}
