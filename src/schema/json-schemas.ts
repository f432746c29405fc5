/**
 * JSON Schemas for editors (`# yaml-language-server: $schema=...`), made
 * from the same zod definitions the validator uses, so they cannot drift.
 *
 * The one rule zod's entry schemas leave to the validator is the file
 * defaults: an entry may take `village` and `pillar` from the top of its
 * file. A JSON Schema has to spell that out, so the log file schema is a
 * choice between file shapes: with or without a default village, and with no
 * default pillar or one of the four. In each shape an entry needs its own
 * `village` / `pillar` only where the file gives none that fits its kind.
 */
import { z } from 'zod';
import { KIND_NAMES } from './kind-names.js';
import { configSchema } from './config-schema.js';
import type { Kind, Pillar } from './log-schema.js';
import { ENTRY_SCHEMAS, KINDS, KIND_PILLAR, PILLARS, text } from './log-schema.js';

const absent = z.never().optional();

function entryShape(kind: Kind, filePillar: Pillar | undefined, fileVillage: boolean) {
  const base = ENTRY_SCHEMAS[kind];
  const pillar = z.literal(KIND_PILLAR[kind]);
  const village = base.shape.village;
  return base
    .extend({
      pillar: filePillar === KIND_PILLAR[kind] ? pillar.optional() : pillar,
      village: fileVillage ? village.optional() : village,
    })
    .strict()
    .meta({ title: `${kind}（${KIND_NAMES['zh-CN'][kind]}）` });
}

function fileShape(filePillar: Pillar | undefined, fileVillage: boolean) {
  const entry = z.discriminatedUnion('kind', KINDS.map((kind) => entryShape(kind, filePillar, fileVillage)) as unknown as [z.ZodObject, ...z.ZodObject[]]);
  return z
    .object({
      village: fileVillage ? text.meta({ description: '本文件各条记录的默认村名 / default village of the entries' }) : absent,
      pillar: filePillar ? z.literal(filePillar).meta({ description: '本文件各条记录的默认板块 / default pillar' }) : absent,
      entries: z.array(entry).nullable().optional(),
    })
    .strict();
}

export function logFileJsonSchema(): object {
  const shapes = [false, true].flatMap((fileVillage) => [undefined, ...PILLARS].map((filePillar) => fileShape(filePillar, fileVillage)));
  const schema = z.union(shapes as unknown as [z.ZodObject, ...z.ZodObject[]]).meta({
    title: 'revitalize log file',
    description: '“四联”工作日志：village、pillar 为全文件默认值，entries 为记录列表。格式说明见 docs/zh-CN/logs.md',
  });
  return z.toJSONSchema(schema, { io: 'input', reused: 'ref', unrepresentable: 'any' });
}

export function configJsonSchema(): object {
  const schema = configSchema.strict().meta({
    title: 'revitalize.yaml',
    description: 'revitalize 工作区配置。格式说明见 docs/zh-CN/workspace.md',
  });
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as unknown as { properties: { targets: { items: Record<string, unknown> } } };
  // zod's refinement (exactly one bound: E-TARGET-BOUND) has no JSON Schema of its own; spelled out here.
  json.properties.targets.items.oneOf = [{ required: ['atLeast'] }, { required: ['atMost'] }];
  return json;
}
