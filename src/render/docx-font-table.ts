/**
 * word/fontTable.xml for the Word report. docx writes an empty one, which
 * leaves a reader without 仿宋_GB2312 or 方正小标宋简体 to guess, and Word
 * then guesses a sans face. Each entry here names the fonts to look for
 * instead (w:altName, comma-separated: the font's other names, then the
 * Windows font of the same style), and describes the face for Word's own
 * matching: GB 2312 character set (86), serif (roman) or sans (swiss), the
 * pitch, and the PANOSE numbers of the Windows fonts where they are known.
 *
 * LibreOffice reads only the character set from this part (its DOCX import
 * skips altName, panose1 and family), so on a machine without the Chinese
 * office fonts its choice is fontconfig's; docs/templates.md says how to
 * point fontconfig at a serif face.
 */
import type { DocxLocale } from './docx-typesetting.js';
import { escapeXml } from './xml-safe-text.js';

interface FontEntry {
  name: string;
  altNames: string[];
  /** 20 hex digits, or undefined where no value is known for sure. */
  panose: string | undefined;
  charset: '86' | '00';
  family: 'roman' | 'swiss';
  pitch: 'fixed' | 'variable';
}

const TIMES: FontEntry = { name: 'Times New Roman', altNames: [], panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' };

const FONTS: Record<DocxLocale, FontEntry[]> = {
  'zh-CN': [
    { name: '仿宋_GB2312', altNames: ['仿宋', 'FangSong', 'FangSong_GB2312'], panose: '02010609030101010101', charset: '86', family: 'roman', pitch: 'fixed' },
    { name: '楷体_GB2312', altNames: ['楷体', 'KaiTi', 'KaiTi_GB2312'], panose: '02010609030101010101', charset: '86', family: 'roman', pitch: 'fixed' },
    { name: '方正小标宋简体', altNames: ['FZXiaoBiaoSong-B05S', '宋体', 'SimSun'], panose: undefined, charset: '86', family: 'roman', pitch: 'variable' },
    { name: '黑体', altNames: ['SimHei'], panose: '02010609060101010101', charset: '86', family: 'swiss', pitch: 'fixed' },
    { name: '宋体', altNames: ['SimSun'], panose: '02010600030101010101', charset: '86', family: 'roman', pitch: 'variable' },
    TIMES,
  ],
  en: [TIMES],
};

export function fontTableXml(locale: DocxLocale): string {
  const fonts = FONTS[locale].map((font) =>
    [
      `<w:font w:name="${escapeXml(font.name)}">`,
      font.altNames.length > 0 ? `<w:altName w:val="${escapeXml(font.altNames.join(','))}"/>` : '',
      font.panose ? `<w:panose1 w:val="${font.panose}"/>` : '',
      `<w:charset w:val="${font.charset}"/>`,
      `<w:family w:val="${font.family}"/>`,
      `<w:pitch w:val="${font.pitch}"/>`,
      '</w:font>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
    ...fonts,
    '</w:fonts>',
  ].join('');
}
