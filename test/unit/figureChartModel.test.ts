// Where the figure chart puts each value: a slot per date and one for undated values, values of a day side by side,
// open bounds at the edge of the plot, one track per article.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chartModel, intervalText, UNDATED_LABEL } from '../../client/webview/chartModel';
import type { FigureSeriesPoint } from '../../server/src/shared/protocol';

function point(label: string, date: string | null, min: number | null, value: number, max: number | null, extra: Partial<FigureSeriesPoint> = {}): FigureSeriesPoint {
  return {
    uri: `file:///corpus/${label}.txt`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, label, headline: null,
    text: String(value), sentence: '', value, min, max, minInclusive: true, maxInclusive: true, unit: 'people', date,
    dateFrom: date ? 'figure' : null, source: null, framing: 'current', earlier: false, superseded: false, status: null, selected: false, ...extra,
  };
}

const series = (points: FigureSeriesPoint[]) => ({ cluster: 'count|people', text: 'x', unit: 'people', subject: null, points });

describe('figure chart model', () => {
  it('slots dates by day, puts undated values after them and spreads the values of one slot', () => {
    const model = chartModel(series([
      point('001', '2022-02-15', 20000, 50000, 100000),
      point('001', '2022-02-15', 150000, 150000, null),
      point('000', '2022-02-16', 145000, 150000, 155000),
      point('002', null, 130000, 130000, null),
    ]));
    assert.deepEqual(model.ticks, [{ x: 0, label: '2022-02-15' }, { x: 1, label: '2022-02-16' }, { x: 2, label: UNDATED_LABEL }]);
    assert.deepEqual(model.tracks.map((t) => [t.label, t.points]), [['000', [2]], ['001', [0, 1]], ['002', [3]]]);
    const xs = (label: string) => model.tracks.find((t) => t.label === label)!.plot.filter((p) => p).map((p) => p!.x);
    const [a, b] = [...new Set(xs('001'))];
    assert.ok(a! < 0 && b! > 0 && Math.abs(a! + b!) < 1e-9, `two values of one day either side of it: ${a}, ${b}`);
    assert.deepEqual([...new Set(xs('002'))], [2]);
    assert.ok(model.xMin < a! && model.xMax > 2);
    assert.equal(model.logarithmic, false);
    assert.equal(model.yMin, 0);
    assert.ok(model.arrowHigh > 155000 && model.yMax > model.arrowHigh);
  });

  it('draws an interval as low, value and high points, an open bound at the edge, and breaks between values', () => {
    const model = chartModel(series([point('a', '2022-01-01', 20000, 50000, 100000), point('a', '2022-01-01', 130000, 130000, null)]));
    const plot = model.tracks[0]!.plot;
    assert.deepEqual(plot.map((p) => (p ? `${p.role}${p.open ? '(open)' : ''} ${p.y}` : '|')), [
      'low 20000', 'value 50000', 'high 100000', '|',
      'value 130000', `high(open) ${model.arrowHigh}`, '|',
    ]);
    assert.ok(model.arrowHigh > 130000 && model.arrowHigh < model.yMax, 'the arrow stays inside the axis');
  });

  it('uses a logarithmic axis when values span more than three orders of magnitude', () => {
    const model = chartModel(series([point('a', null, 5, 5, 5), point('b', null, 90000, 100000, 110000)]));
    assert.equal(model.logarithmic, true);
    assert.ok(model.yMin > 0 && model.yMin < 5);
    assert.deepEqual(model.ticks, [{ x: 0, label: UNDATED_LABEL }]);
  });

  it('writes intervals with their open and closed bounds', () => {
    assert.equal(intervalText(point('a', null, 130000, 130000, null, { minInclusive: false })), '(130,000, ∞)');
    assert.equal(intervalText(point('a', null, 145000, 150000, 155000, { maxInclusive: false })), '[145,000, 155,000)');
    assert.equal(intervalText(point('a', null, 7, 7, 7)), '7');
  });
});
