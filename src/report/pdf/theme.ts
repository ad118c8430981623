/**
 * Page geometry, type sizes and colours of Kanslist PDFs. Colours are chosen so that a report printed
 * on a black-and-white office printer still tells series apart: the chart palette steps through
 * clearly different lightness, not only different hues.
 */
import { rgb, type Color } from 'pdf-lib';

/** A4 portrait in points. */
export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 50, right: 50, top: 50, bottom: 62 } as const;
/** Baseline of the footer line, below the bottom margin. */
export const FOOTER_BASELINE = 32;

export const SIZE = { body: 10, small: 8, footer: 8, h1: 15, h2: 12, title: 20, subtitle: 12, organisation: 11 } as const;
/** A font size from a caller, kept readable and finite. */
export function clampSize(size: number | undefined, fallback: number): number {
  return size !== undefined && Number.isFinite(size) ? Math.min(48, Math.max(5, size)) : fallback;
}

/** Line height as a multiple of the font size. */
export const LEADING = 1.35;

export const COLOR = {
  text: rgb(0.11, 0.11, 0.11),
  muted: rgb(0.4, 0.4, 0.4),
  warning: rgb(0.66, 0.2, 0.02),
  rule: rgb(0.78, 0.78, 0.78),
  grid: rgb(0.86, 0.86, 0.86),
  axis: rgb(0.35, 0.35, 0.35),
  headerFill: rgb(0.89, 0.9, 0.92),
  zebraFill: rgb(0.96, 0.96, 0.965),
} as const;

/** Series colours: dark blue, orange, light grey-blue, dark green, sand, near-black (greyscale lightness ≈ 30, 62, 80, 40, 88, 15 %). */
export const PALETTE: readonly Color[] = [
  rgb(0.12, 0.3, 0.55),
  rgb(0.93, 0.55, 0.13),
  rgb(0.62, 0.76, 0.9),
  rgb(0.15, 0.45, 0.25),
  rgb(0.93, 0.86, 0.62),
  rgb(0.15, 0.15, 0.15),
];

/** Line dash patterns per series, so lines differ in greyscale too (empty = solid). */
export const DASHES: readonly number[][] = [[], [5, 3], [1.5, 2], [7, 2, 1.5, 2], [3, 3], [9, 3]];

export function seriesColor(index: number): Color {
  return PALETTE[index % PALETTE.length] ?? COLOR.text;
}

export function seriesDash(index: number): number[] {
  return DASHES[index % DASHES.length] ?? [];
}
