/** The key ranks are counted on: the total, or −1000 for a vetoed unit, so it ranks after every other. */
export const VETO_RANK_KEY = -1000;
