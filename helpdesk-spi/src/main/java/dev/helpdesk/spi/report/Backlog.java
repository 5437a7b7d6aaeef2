package dev.helpdesk.spi.report;

/**
 * The tickets still unsolved at the period's end (new, open, pending or on hold at that instant,
 * whatever happened to them later), by age since opening: under a day, one to three days, three
 * to seven days, over seven days (each bucket includes its lower bound).
 *
 * @param underOneDay       younger than 24 hours
 * @param oneToThreeDays    24 hours to under 72
 * @param threeToSevenDays  72 hours to under 168
 * @param overSevenDays     168 hours or older
 */
public record Backlog(long underOneDay, long oneToThreeDays, long threeToSevenDays, long overSevenDays) {
    /**
     * Every unsolved ticket.
     *
     * @return the sum of the buckets
     */
    public long total() {
        return underOneDay + oneToThreeDays + threeToSevenDays + overSevenDays;
    }
}
