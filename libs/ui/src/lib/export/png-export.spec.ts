import { exportFileName, PNG_PADDING, PNG_TITLE_HEIGHT, pngLayout } from './png-export';

describe('pngLayout', () => {
  it('frames every canvas with a padding and a title band', () => {
    const layout = pngLayout(
      [
        { x: 10, y: 40, width: 300, height: 200 },
        { x: 10, y: 260, width: 300, height: 100 },
      ],
      true,
    );
    expect(layout).toEqual({
      width: 300 + 2 * PNG_PADDING,
      height: 320 + 2 * PNG_PADDING + PNG_TITLE_HEIGHT,
      titleBaseline: PNG_PADDING + 18,
      dx: PNG_PADDING - 10,
      dy: PNG_PADDING + PNG_TITLE_HEIGHT - 40,
    });
  });

  it('ignores hidden canvases and has nothing to draw without a visible one', () => {
    expect(pngLayout([{ x: 0, y: 0, width: 0, height: 100 }], true)).toBeNull();
    expect(pngLayout([], false)).toBeNull();
    expect(pngLayout([{ x: 5, y: 5, width: 10, height: 10 }], false)).toMatchObject({
      titleBaseline: 0,
      dy: PNG_PADDING - 5,
    });
  });
});

describe('exportFileName', () => {
  it('slugs the subject and stamps the local date', () => {
    const now = new Date(2025, 2, 14, 9, 30);
    expect(exportFileName('Retention by hire cohort', 'png', now)).toBe(
      'floorwise-retention-by-hire-cohort-2025-03-14.png',
    );
    expect(exportFileName('Équipe — départs (90 j)', 'csv', now)).toBe(
      'floorwise-equipe-departs-90-j-2025-03-14.csv',
    );
    expect(exportFileName('***', 'png', now)).toBe('floorwise-chart-2025-03-14.png');
  });
});
