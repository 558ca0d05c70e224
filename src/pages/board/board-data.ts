/** The board's answers as the pages read them: rows of named fields, authority null for the partnership. */
export type Row = Record<string, unknown>;

export type BoardData = {
  byAuthority: Row[];
  partnership: Row[];
  childrenWaiting: Row[];
  timeliness?: Row[] | null;
  [breakdown: string]: Row[] | null | undefined;
};

/** Amounts are Money: exact decimal strings of pounds. */
export type BudgetYear = {
  financialYear: string;
  operatingBudget: string;
  spend: string;
  /** The operating budget and spend are not published figures. */
  illustrative: boolean;
  underspend: string;
  underspendTreatment: string;
  authorities: {
    authority: string;
    contribution: string;
    contributionShare: number;
    /** The contribution and its share are not published figures. */
    illustrative: boolean;
    underspendShare: string | null;
    underspendSharePercent: number | null;
    underspendShareIllustrative: boolean;
  }[];
};
