/** The board's answers as the pages read them: rows of named fields, authority null for the partnership. */
export type Row = Record<string, unknown>;

export type BoardData = {
  byAuthority: Row[];
  partnership: Row[];
  childrenWaiting: Row[];
  timeliness?: Row[] | null;
  [breakdown: string]: Row[] | null | undefined;
};

export type BudgetYear = {
  financialYear: string;
  operatingBudget: number;
  spend: number;
  /** The operating budget and spend are not published figures. */
  illustrative: boolean;
  underspend: number;
  underspendTreatment: string;
  authorities: {
    authority: string;
    contribution: number;
    contributionShare: number;
    /** The contribution and its share are not published figures. */
    illustrative: boolean;
    underspendShare: number | null;
    underspendSharePercent: number | null;
    underspendShareIllustrative: boolean;
  }[];
};
