/** revitalize.yaml, the workspace's configuration. See docs/format.md. */
import { z } from 'zod';
import { LOCALES } from '../i18n/locale.js';
import { text } from './log-schema.js';


export const CONFIG_FILE = 'revitalize.yaml';
export const DEFAULT_LOG_GLOBS = ['logs/**/*.yaml', 'logs/**/*.yml'];
/** Larger files are refused unread: a month of logs is a few kilobytes. */
export const DEFAULT_MAX_FILE_SIZE_MB = 20;

export const configSchema = z.object({
  region: text,
  title: text.optional(),
  locale: z.enum(LOCALES).default('zh-CN'),
  villages: z.array(text).optional(),
  logs: z.union([text, z.array(text).min(1)]).optional(),
  maxFileSizeMB: z.number().positive().max(1024).default(DEFAULT_MAX_FILE_SIZE_MB),
});

export type Config = z.output<typeof configSchema>;
export const CONFIG_KEYS = Object.keys(configSchema.shape);
