// An independent BagIt 1.0 validator (RFC 8493 §3), written from the spec for the tests: it shares
// no code with the app's own bag checker, so a bug there cannot hide itself here.
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function manifestEntries(file: string): [string, string][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const match = /^([0-9a-f]+)[ \t]+(.*)$/.exec(line.replace(/\r$/, ''));
      if (!match) throw new Error(`bad manifest line: ${line}`);
      return [match[1]!, match[2]!.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')];
    });
}

function payloadFiles(dir: string, base: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory()
      ? payloadFiles(full, base)
      : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** Every way the bag fails the spec, or an empty list. */
export function validateBag(bag: string): string[] {
  const errors: string[] = [];
  const declaration = existsSync(path.join(bag, 'bagit.txt'))
    ? readFileSync(path.join(bag, 'bagit.txt'), 'utf8')
    : '';
  if (!/^BagIt-Version: 1\.0\r?\nTag-File-Character-Encoding: UTF-8\r?\n$/.test(declaration))
    errors.push('bagit.txt must hold exactly the version and encoding lines');
  if (!existsSync(path.join(bag, 'data')) || !lstatSync(path.join(bag, 'data')).isDirectory())
    errors.push('no data/ directory');
  const manifests = readdirSync(bag).filter((n) => /^manifest-[a-z0-9]+\.txt$/.test(n));
  if (manifests.length === 0) errors.push('no payload manifest');
  const payload = errors.length ? [] : payloadFiles(path.join(bag, 'data'), bag);
  for (const name of manifests) {
    const listed = new Map(manifestEntries(path.join(bag, name)).map(([hash, rel]) => [rel, hash]));
    for (const [rel, hash] of listed) {
      if (!rel.startsWith('data/') || rel.split('/').includes('..'))
        errors.push(`${name}: path outside payload: ${rel}`);
      else if (!existsSync(path.join(bag, rel))) errors.push(`${name}: missing ${rel}`);
      else if (sha256(path.join(bag, rel)) !== hash) errors.push(`${name}: checksum mismatch ${rel}`);
    }
    for (const rel of payload) if (!listed.has(rel)) errors.push(`${name}: payload file not listed: ${rel}`);
  }
  const info = existsSync(path.join(bag, 'bag-info.txt'))
    ? readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')
    : '';
  const oxum = /^Payload-Oxum: (\d+)\.(\d+)$/m.exec(info);
  if (oxum) {
    const bytes = payload.reduce((sum, rel) => sum + lstatSync(path.join(bag, rel)).size, 0);
    if (Number(oxum[1]) !== bytes || Number(oxum[2]) !== payload.length)
      errors.push('Payload-Oxum does not match');
  }
  const tagManifest = path.join(bag, 'tagmanifest-sha256.txt');
  if (existsSync(tagManifest)) {
    const listed = new Map(manifestEntries(tagManifest).map(([hash, rel]) => [rel, hash]));
    for (const [rel, hash] of listed)
      if (!existsSync(path.join(bag, rel)) || sha256(path.join(bag, rel)) !== hash)
        errors.push(`tagmanifest: bad entry ${rel}`);
    for (const tag of readdirSync(bag).filter((n) => n.endsWith('.txt') && !n.startsWith('tagmanifest-')))
      if (!listed.has(tag)) errors.push(`tagmanifest does not cover ${tag}`);
  }
  return errors;
}

export function bagInfo(bag: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  );
}
