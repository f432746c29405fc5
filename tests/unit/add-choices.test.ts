import { describe, expect, it } from 'vitest';
import { offeredChoices } from '../../src/cli/commands/add-prompts.js';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { fieldsToAsk } from '../../src/record/entry-fields.js';
import { KINDS } from '../../src/schema/log-schema.js';

const field = (kind: (typeof KINDS)[number], name: string) => fieldsToAsk(kind).find((f) => f.name === name)!;

describe('the choices add offers', () => {
  it('are values the format takes, every choice field offering at least one, in each language', () => {
    for (const catalogue of [zhCN, en]) {
      for (const kind of KINDS) {
        for (const facts of fieldsToAsk(kind).filter((f) => f.type === 'choice')) {
          const offered = offeredChoices(facts, catalogue);
          expect(offered.length, `${catalogue.locale} ${kind}.${facts.name}`).toBeGreaterThan(0);
          for (const { value } of offered) expect(facts.choices).toContain(value);
        }
      }
    }
  });

  it("names them in the workspace's language", () => {
    expect(offeredChoices(field('project', 'status'), zhCN)).toEqual([
      { name: '策划', value: 'planned' },
      { name: '落地', value: 'landed' },
    ]);
    expect(offeredChoices(field('sale', 'unit'), zhCN).map((c) => c.value)).toEqual(['斤', '公斤', '吨']);
    expect(offeredChoices(field('sale', 'unit'), en).map((c) => c.value)).toEqual(['jin', 'kg', 't']);
    expect(offeredChoices(field('session', 'form'), zhCN).map((c) => c.name)).toEqual(['集中畅谈', '专题座谈', '入户访谈', '定点接谈']);
  });

  it('have a yes and a no in each language', () => {
    expect(zhCN.add.yesNo).toMatchObject({ yes: '是', no: '否' });
    expect(en.add.yesNo).toMatchObject({ yes: 'Yes', no: 'No' });
  });
});
