/** The timeline reads each source separately so one the role may not see (403) leaves the others standing. */
export const timelineKeys = {
  source: (customerId: string, source: string) => ['timeline', customerId, source] as const,
};

/** How many of the latest records of each kind the timeline shows. */
export const timelinePageSize = 50;
