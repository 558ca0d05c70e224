import type { Cell } from './csv';

/** A table as the page shows it and its CSV writes it, from the same cells. */
export type TableModel = {
  /** Names the CSV file and the section, e.g. 'placement-orders'. */
  id: string;
  title: string;
  header: string[];
  rows: Cell[][];
  /** Cells of the first this many columns are labels, not figures. */
  labelColumns?: number;
  notes?: string[];
};
