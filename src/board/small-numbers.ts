/**
 * The smallest numbers the board is shown, as the DfE's and ONS's disclosure control sets them: a count of
 * children from 1 to 5 is withheld (0 is shown), and so is an average over fewer than six children.
 */
export const SMALLEST_COUNT_SHOWN = 6;

/** Whether a count of these children, or an average over them, is withheld for itself. */
export const tooFewToShow = (children: number) => children >= 1 && children < SMALLEST_COUNT_SHOWN;

/** Days to one decimal place, as the published averages are; null over no children. */
export const averageOf = (days: number, children: number) => (children === 0 ? null : Math.round((days * 10) / children) / 10);
