/**
 * The pillars and entry kinds by name, in each language. They sit beside
 * the log schema, not in the message catalogues, because the checks read
 * them too: a clerk may write a kind or pillar by its Chinese name, and the
 * editor schema shows the Chinese names; neither should load a catalogue.
 */
import type { Locale } from '../i18n/locale.js';
import type { Kind, Pillar } from './log-schema.js';

export const PILLAR_NAMES: Record<Locale, Record<Pillar, string>> = {
  'zh-CN': {
    organization: '组织联建',
    talent: '人才联育',
    'night-talk': '夜谈联访',
    ecology: '生态联治',
  },
  en: {
    organization: 'Joint organisation building',
    talent: 'Talent cultivation',
    'night-talk': 'Night talks and visits',
    ecology: 'Joint ecological management',
  },
};

export const KIND_NAMES: Record<Locale, Record<Kind, string>> = {
  'zh-CN': {
    'joint-org': '跨村联建党组织',
    project: '联建项目',
    sale: '农副产品销售',
    talent: '本土人才',
    returnee: '回引人才',
    mentoring: '结对帮带',
    cooperative: '领办合作社',
    'livelihood-project': '民生项目',
    training: '集中授课',
    education: '提升学历',
    session: '居民夜谈会',
    suggestion: '意见建议',
    resolution: '诉求办结',
    team: '生态管护队',
    'joint-action': '联合行动',
    evaluation: '考评',
  },
  en: {
    'joint-org': 'joint cross-village organisation',
    project: 'project',
    sale: 'produce sale',
    talent: 'local talent',
    returnee: 'returnee',
    mentoring: 'mentoring',
    cooperative: 'cooperative',
    'livelihood-project': 'livelihood project',
    training: 'training session',
    education: 'education upgrade',
    session: 'night-talk session',
    suggestion: 'suggestion',
    resolution: 'resolution',
    team: 'ecological team',
    'joint-action': 'joint action',
    evaluation: 'evaluation',
  },
};
