/**
 * The look every report chart shares, so a page of them reads as one set:
 * colours, type and the value labels written on bars.
 */

/**
 * Light grey marks what is lesser: a third series, an earlier period.
 * Navy and vermillion stay apart under every common colour-vision
 * deficiency, and the three stay apart in greyscale print too: dark, middle
 * and light grey (luminance about 52, 119 and 179 of 255).
 */
export const FAINT_COLOUR = '#b3b3b3';
export const PALETTE = ['#1b3a5c', '#d55e00', FAINT_COLOUR, '#56b4e9', '#009e73'];
/** The current period, drawn strong. */
export const STRONG_COLOUR = PALETTE[0]!;
export const TEXT_COLOUR = '#333333';
export const GRID_COLOUR = '#e3e3e3';

// Single quotes only: ECharts writes this into a style="" attribute without
// escaping it, so a double quote would end the attribute.
export const FONT_FAMILY = "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'SimHei', sans-serif";

/** A value written on its bar or point. */
export function valueLabel(position: 'top' | 'right', format: (value: number) => string) {
  return {
    show: true,
    position,
    color: TEXT_COLOUR,
    fontSize: 12,
    // A white halo keeps labels legible where they cross a bar or a line.
    textBorderColor: '#ffffff',
    textBorderWidth: 2,
    formatter: (params: { value?: unknown }) => (typeof params.value === 'number' ? format(params.value) : ''),
  };
}
