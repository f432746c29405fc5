import { describe, expect, it } from 'vitest';
import { METRICS } from '../../src/metrics/metric-definitions.js';
import { METRIC_KEYS, METRIC_UNIT_BY_KEY } from '../../src/schema/metric-keys.js';

describe('metric keys and definitions', () => {
  it('define exactly the keys of the schema, in its order, each in its unit', () => {
    expect(METRICS.map((metric) => metric.key)).toEqual(METRIC_KEYS);
    for (const metric of METRICS) expect([metric.key, metric.unit]).toEqual([metric.key, METRIC_UNIT_BY_KEY[metric.key]]);
  });
});
