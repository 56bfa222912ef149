import iconv from 'iconv-lite';

export interface MojibakeRun {
  /** UTF-16 offsets into the text the run was found in. */
  start: number;
  end: number;
  text: string;
}

/**
 * Web pages decoded with the wrong code page leave runs like `?!钡膬`: a byte that could not be
 * decoded becomes `?` (or U+FFFD), and the bytes around it become real but improbable characters.
 * A run is flagged only when both signs are present, so ordinary text with a stray `?` or a rare
 * character is left alone. Nothing is repaired: the right characters cannot be known.
 */
const LOST_BYTE = new Set(['?', '\ufffd']);
/** ASCII symbols that do not occur inside Chinese prose but do come out of misdecoded bytes. */
const STRAY_SYMBOL = new Set([...'!#$%&*+<=>@[\\]^_`{|}~']);
/** Letters and brackets may sit inside a run (misdecoded bytes, pinyin cut in half) but never start or end one. */
const NEUTRAL = /[A-Za-z\u00c0-\u024f\u01cd-\u01dc()]/u;
const HAN = /\p{Script=Han}/u;
/** Neutral characters bridged between two suspect ones; a longer stretch is text of its own. */
const MAX_BRIDGE = 4;

type Script = 'traditional' | 'simplified';
const repertoire = new Map<string, { gb2312: boolean; big5Common: boolean }>();

/** Whether a character is in GB2312 (the simplified repertoire) and in Big5's common level 1 (A440–C67E). */
function membership(ch: string): { gb2312: boolean; big5Common: boolean } {
  let known = repertoire.get(ch);
  if (!known) {
    // iconv-lite's GB2312 is GBK, so the GB2312 area (both bytes A1–FE) is checked by hand.
    const gb = iconv.encode(ch, 'gbk');
    const big5 = iconv.encode(ch, 'big5');
    const big5Code = big5.length === 2 ? big5.readUInt16BE(0) : 0;
    known = {
      gb2312: gb.length === 2 && gb[0]! >= 0xa1 && gb[1]! >= 0xa1 && iconv.decode(gb, 'gbk') === ch,
      big5Common: big5Code >= 0xa440 && big5Code <= 0xc67e && iconv.decode(big5, 'big5') === ch,
    };
    repertoire.set(ch, known);
  }
  return known;
}

/** A text is traditional when more of its characters are only in Big5 than only in GB2312. */
function scriptOf(text: string): Script {
  let traditional = 0;
  let simplified = 0;
  for (const ch of text) {
    if (!HAN.test(ch)) continue;
    const { gb2312, big5Common } = membership(ch);
    if (big5Common && !gb2312) traditional++;
    else if (gb2312 && !big5Common) simplified++;
  }
  return traditional > simplified ? 'traditional' : 'simplified';
}

/** A Han character outside the common repertoire of the text's own script. */
function isImprobableHan(ch: string, script: Script): boolean {
  const { gb2312, big5Common } = membership(ch);
  return script === 'traditional' ? !big5Common : !gb2312;
}

export function detectMojibake(text: string): MojibakeRun[] {
  const script = scriptOf(text);
  const chars = [...text];
  const runs: MojibakeRun[] = [];
  let offset = 0;
  /** The run being built: its first suspect character and the last one, with what it has seen. */
  let open: { start: number; end: number; lost: boolean; han: boolean } | null = null;
  let bridge = 0;
  const close = () => {
    if (open?.lost && open.han)
      runs.push({ start: open.start, end: open.end, text: text.slice(open.start, open.end) });
    open = null;
  };
  for (const ch of chars) {
    const lost = LOST_BYTE.has(ch);
    const han = HAN.test(ch) && isImprobableHan(ch, script);
    if (lost || han || STRAY_SYMBOL.has(ch)) {
      if (!open) open = { start: offset, end: offset, lost: false, han: false };
      open.end = offset + ch.length;
      open.lost ||= lost;
      open.han ||= han;
      bridge = 0;
    } else if (open && NEUTRAL.test(ch) && bridge < MAX_BRIDGE) {
      bridge++;
    } else {
      close();
      bridge = 0;
    }
    offset += ch.length;
  }
  close();
  return runs;
}
