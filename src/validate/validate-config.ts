/** revitalize.yaml's value → the settings, with defaults, and its problems. */
import type { YamlDocument } from '../load/parse-yaml.js';
import type { Locale } from '../i18n/locale.js';
import { DEFAULT_LOCALE, isLocale } from '../i18n/locale.js';
import type { Problem } from '../problems/problem.js';
import { problem } from '../problems/problem.js';
import type { Config } from '../schema/config-schema.js';
import { CONFIG_KEYS, configSchema, villageList } from '../schema/config-schema.js';
import { isMapping, valueType } from './describe-value.js';
import { nearestName } from './nearest-name.js';
import { problemsFromIssues } from './problems-from-issues.js';

export interface ConfigResult {
  /** Present when the config is valid. */
  config: Config | undefined;
  /** The language for messages: the config's when it names a valid one. */
  locale: Locale;
  /** Settings that are usable even when other parts of the config are wrong. */
  usable: Partial<Pick<Config, 'villages' | 'logs' | 'maxFileSizeMB'>>;
  problems: Problem[];
}

export function validateConfig(document: YamlDocument): ConfigResult {
  const value = document.value;
  if (!isMapping(value)) {
    return {
      config: undefined,
      locale: DEFAULT_LOCALE,
      usable: {},
      problems: [problem('E-NOT-A-MAPPING', document.locate([]), { actual: valueType(value), scope: 'config' })],
    };
  }
  const problems: Problem[] = [];
  for (const key of Object.keys(value)) {
    if (!CONFIG_KEYS.includes(key)) {
      problems.push(
        problem('W-UNKNOWN-FIELD', document.locate([key], 'key'), {
          field: key,
          suggestion: nearestName(key, CONFIG_KEYS),
          allowed: CONFIG_KEYS,
        }),
      );
    }
  }
  const locale = isLocale(value.locale) ? value.locale : DEFAULT_LOCALE;
  const parsed = configSchema.safeParse(value);
  if (parsed.success) {
    // A 月报 goes to an office and is signed by one: without them the report has no 主送机关 and is signed with the region.
    const region = document.locate(['region'], 'key');
    if (parsed.data.recipient === undefined) problems.push(problem('W-NO-RECIPIENT', region));
    if (parsed.data.issuer === undefined) problems.push(problem('W-NO-ISSUER', region, { region: parsed.data.region }));
    return { config: parsed.data, locale: parsed.data.locale, usable: parsed.data, problems };
  }

  for (const found of problemsFromIssues(parsed.error.issues, { locate: (at) => document.locate(at), base: [], input: value })) problems.push(found);
  // Keep going with the parts that are fine, so the logs are checked too.
  const usable: ConfigResult['usable'] = {};
  // A village listed twice is an error of the config, but the list still checks the logs' village names.
  const villages = villageList.optional().safeParse(value.villages);
  if (villages.success && villages.data) usable.villages = [...new Set(villages.data)];
  const logs = configSchema.shape.logs.safeParse(value.logs);
  if (logs.success) usable.logs = logs.data;
  const maxFileSizeMB = configSchema.shape.maxFileSizeMB.safeParse(value.maxFileSizeMB);
  if (maxFileSizeMB.success) usable.maxFileSizeMB = maxFileSizeMB.data;
  return { config: undefined, locale, usable, problems };
}
