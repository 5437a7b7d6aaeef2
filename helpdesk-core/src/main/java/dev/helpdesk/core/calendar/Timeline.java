package dev.helpdesk.core.calendar;

import dev.helpdesk.spi.calendar.BusinessCalendar;
import dev.helpdesk.spi.calendar.NoOpeningTimeException;
import dev.helpdesk.spi.calendar.OpeningInterval;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The open set of a calendar on the real time line, in epoch nanoseconds, cut into weeks.
 *
 * <p>Week {@code k} is the real time from local Monday 00:00 of calendar week {@code k} to the
 * next local Monday 00:00 (both placed as {@code ZonedDateTime.ofLocal} places them). Most
 * weeks are <em>regular</em>: no holiday or special day touches them and the zone keeps one
 * offset from well before to well after them. The open time of a regular week is a fixed
 * pattern (the {@link #template}) shifted to the week's start, and its total is the same for
 * every regular week. Only <em>irregular</em> weeks (daylight-saving changes, holidays,
 * special days) are computed date by date, once, from the calendar's rules.
 *
 * <p>Weeks are grouped into blocks of {@link #BLOCK_WEEKS}. A block is built on first use and
 * kept: the instant each of its weeks starts, its irregular weeks with their exact open
 * intervals, and the running sum of how much each irregular week differs from a regular one.
 * The open time of any run of weeks inside a block is then {@code weeks * regularTotal +
 * difference}, found by two binary searches, so the cost of a call does not grow with the
 * length of the span (beyond one step per block of about five years).
 *
 * <p>Thread-safe: blocks are immutable and published through an atomic array; two threads
 * building the same block at once build equal ones and one of them is kept.
 */
final class Timeline {
    static final long NANOS_PER_SECOND = 1_000_000_000L;
    static final long DAY = 86_400L * NANOS_PER_SECOND;
    static final long WEEK = 7 * DAY;
    /** Weeks per block: about 4.9 years, so that a year-long span mostly stays inside one block. */
    static final int BLOCK_WEEKS = 256;
    /** 1970-01-05, the Monday that starts week 0. */
    private static final long MONDAY_ZERO = 4;
    /**
     * How far around a week a time-zone transition can still change its open time: an
     * interval starts on the day before at the earliest and ends on the day after at the
     * latest, and a boundary moves by at most a day; the margins are generous on purpose.
     */
    private static final long TRANSITION_MARGIN_BEFORE = 3 * DAY;
    private static final long TRANSITION_MARGIN_AFTER = 2 * DAY;
    /** Dates around a week whose intervals may reach into it, in any zone ever defined. */
    private static final int FIRST_DATE = -4;
    private static final int LAST_DATE = 9;

    private final BusinessCalendar calendar;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final Chunk template;
    private final long regularTotal;
    private final int[] calendarWeeks;
    private final int lastOpenWeek;
    private final long latest;
    private final int firstBlock;
    private final AtomicReferenceArray<Block> blocks;

    Timeline(BusinessCalendar calendar, long earliest, long latest) {
        this.calendar = calendar;
        this.zone = calendar.zone();
        this.rules = zone.getRules();
        this.latest = latest;
        this.template = template(calendar);
        this.regularTotal = template.total;
        TreeSet<Integer> weeks = new TreeSet<>();
        int open = Integer.MIN_VALUE;
        int lowestWeek = weekOfDate(Math.floorDiv(earliest, DAY)) - 2;
        int highestWeek = weekOfDate(Math.floorDiv(latest, DAY)) + 2;
        List<LocalDate> dates = new ArrayList<>(calendar.holidays());
        dates.addAll(calendar.specialDays().keySet());
        for (LocalDate date : dates) {
            int week = weekOfDate(date.toEpochDay());
            if (week >= lowestWeek && week <= highestWeek) {
                weeks.add(week);
                weeks.add(weekOfDate(date.toEpochDay() + 1));
                if (!calendar.hoursOn(date).isEmpty()) {
                    open = Math.max(open, week + 2);
                }
            }
        }
        this.calendarWeeks = weeks.stream().mapToInt(Integer::intValue).toArray();
        this.lastOpenWeek = open;
        this.firstBlock = Math.floorDiv(lowestWeek, BLOCK_WEEKS);
        int lastBlock = Math.floorDiv(highestWeek, BLOCK_WEEKS);
        this.blocks = new AtomicReferenceArray<>(lastBlock - firstBlock + 1);
    }

    /** Open time in {@code [a, b)}, zero when {@code b <= a}. */
    long between(long a, long b) {
        if (b <= a) {
            return 0;
        }
        int ka = weekOf(a);
        int kb = weekOf(b);
        if (ka == kb) {
            return inner(kb, b) - inner(ka, a);
        }
        return total(ka) - inner(ka, a) + sumWeeks(ka + 1, kb) + inner(kb, b);
    }

    /** The earliest {@code t} with {@code between(start, t) == amount}; {@code amount >= 0}. */
    long add(long start, long amount) {
        if (amount == 0) {
            return start;
        }
        int k = weekOf(start);
        Block block = block(k, start);
        int rel = k - block.firstWeek;
        int i = Arrays.binarySearch(block.irregular, rel);
        Chunk chunk = i >= 0 ? block.chunks[i] : template;
        long base = i >= 0 ? 0 : block.bound[rel];
        long need = chunk.inner(base, start) + amount;
        long result;
        if (need <= chunk.total) {
            result = chunk.locate(base, need);
        } else {
            need -= chunk.total;
            int week = k + 1;
            while (true) {
                if (regularTotal == 0 && week > lastOpenWeek) {
                    throw new NoOpeningTimeException(calendar.id(), toInstant(start));
                }
                block = block(week, start);
                int lo = week - block.firstWeek;
                long tail = block.sum(lo, BLOCK_WEEKS, regularTotal);
                if (tail >= need) {
                    result = block.locate(lo, need, regularTotal, template);
                    break;
                }
                need -= tail;
                week = block.firstWeek + BLOCK_WEEKS;
            }
        }
        if (result > latest) {
            throw beyondRange(start);
        }
        return result;
    }

    boolean isOpen(long t) {
        int k = weekOf(t);
        Block block = block(k, t);
        int rel = k - block.firstWeek;
        int i = Arrays.binarySearch(block.irregular, rel);
        return i >= 0 ? block.chunks[i].contains(0, t) : template.contains(block.bound[rel], t);
    }

    /** The week whose real time holds {@code t}. */
    private int weekOf(long t) {
        // the UTC date is at most a day off the local one, so this is the week or a neighbour
        int k = weekOfDate(Math.floorDiv(t, DAY));
        while (t < bound(k, t)) {
            k--;
        }
        while (t >= bound(k + 1, t)) {
            k++;
        }
        return k;
    }

    private long bound(int week, long asked) {
        Block block = block(week, asked);
        return block.bound[week - block.firstWeek];
    }

    private long total(int week) {
        Block block = block(week, Long.MIN_VALUE);
        int i = Arrays.binarySearch(block.irregular, week - block.firstWeek);
        return i >= 0 ? block.chunks[i].total : regularTotal;
    }

    /** Open time from the start of the week to {@code t}, which lies inside the week. */
    private long inner(int week, long t) {
        Block block = block(week, t);
        int rel = week - block.firstWeek;
        int i = Arrays.binarySearch(block.irregular, rel);
        return i >= 0 ? block.chunks[i].inner(0, t) : template.inner(block.bound[rel], t);
    }

    /** Open time of the weeks {@code [from, to)}. */
    private long sumWeeks(int from, int to) {
        long sum = 0;
        int week = from;
        while (week < to) {
            Block block = block(week, Long.MIN_VALUE);
            int lo = week - block.firstWeek;
            int hi = Math.min(to - block.firstWeek, BLOCK_WEEKS);
            sum += block.sum(lo, hi, regularTotal);
            week = block.firstWeek + hi;
        }
        return sum;
    }

    private Block block(int week, long asked) {
        int index = Math.floorDiv(week, BLOCK_WEEKS) - firstBlock;
        if (index < 0 || index >= blocks.length()) {
            throw beyondRange(asked);
        }
        Block block = blocks.get(index);
        if (block == null) {
            blocks.compareAndSet(index, null, buildBlock((index + firstBlock) * BLOCK_WEEKS));
            block = blocks.get(index);
        }
        return block;
    }

    private DateTimeException beyondRange(long asked) {
        return new DateTimeException("business time for calendar " + calendar.id()
                + (asked == Long.MIN_VALUE ? "" : " from " + toInstant(asked))
                + " reaches beyond " + BusinessTime.LATEST + ", the end of the supported range");
    }

    private Block buildBlock(int firstWeek) {
        long[] bound = new long[BLOCK_WEEKS + 1];
        for (int i = 0; i <= BLOCK_WEEKS; i++) {
            bound[i] = instant(mondayOf(firstWeek + i).atStartOfDay());
        }
        long[] transitions = transitions(bound[0] - TRANSITION_MARGIN_BEFORE, bound[BLOCK_WEEKS] + TRANSITION_MARGIN_AFTER);
        List<Integer> irregular = new ArrayList<>();
        List<Chunk> chunks = new ArrayList<>();
        for (int i = 0; i < BLOCK_WEEKS; i++) {
            int week = firstWeek + i;
            boolean shifted = any(transitions, bound[i] - TRANSITION_MARGIN_BEFORE, bound[i + 1] + TRANSITION_MARGIN_AFTER);
            if (shifted || Arrays.binarySearch(calendarWeeks, week) >= 0) {
                irregular.add(i);
                chunks.add(exactWeek(week, bound[i], bound[i + 1]));
            }
        }
        return new Block(firstWeek, bound, irregular.stream().mapToInt(Integer::intValue).toArray(),
                chunks.toArray(Chunk[]::new), regularTotal);
    }

    /** The open intervals of one week, from the calendar's rules for every date that can reach it. */
    private Chunk exactWeek(int week, long from, long to) {
        LocalDate monday = mondayOf(week);
        List<long[]> spans = new ArrayList<>();
        for (int d = FIRST_DATE; d <= LAST_DATE; d++) {
            LocalDate date = monday.plusDays(d);
            for (OpeningInterval interval : calendar.hoursOn(date)) {
                long start = instant(date.atTime(interval.from()));
                LocalDate endDate = interval.endsOnNextDay() ? date.plusDays(1) : date;
                long end = instant(endDate.atTime(interval.to()));
                start = Math.max(start, from);
                end = Math.min(end, to);
                // an interval whose end falls before its start (possible around a gap) is empty
                if (end > start) {
                    spans.add(new long[] {start, end});
                }
            }
        }
        return Chunk.union(spans);
    }

    /** The open intervals of a regular week, relative to its start, from the weekly hours. */
    private static Chunk template(BusinessCalendar calendar) {
        List<long[]> spans = new ArrayList<>();
        // the Sunday before can run into Monday; nothing earlier reaches the week
        for (int d = -1; d < 7; d++) {
            DayOfWeek day = DayOfWeek.of(Math.floorMod(d, 7) + 1);
            for (OpeningInterval interval : calendar.weeklyHours().get(day)) {
                long start = d * DAY + interval.from().toNanoOfDay();
                long end = (interval.endsOnNextDay() ? d + 1 : d) * DAY + interval.to().toNanoOfDay();
                start = Math.max(start, 0);
                end = Math.min(end, WEEK);
                if (end > start) {
                    spans.add(new long[] {start, end});
                }
            }
        }
        return Chunk.union(spans);
    }

    private long[] transitions(long from, long to) {
        List<Long> found = new ArrayList<>();
        Instant cursor = Instant.ofEpochSecond(Math.floorDiv(from, NANOS_PER_SECOND) - 1);
        while (true) {
            ZoneOffsetTransition transition = rules.nextTransition(cursor);
            if (transition == null) {
                break;
            }
            long at = nanos(transition.getInstant());
            if (at > to) {
                break;
            }
            if (at >= from) {
                found.add(at);
            }
            cursor = transition.getInstant();
        }
        return found.stream().mapToLong(Long::longValue).toArray();
    }

    private static boolean any(long[] sorted, long from, long to) {
        int i = Arrays.binarySearch(sorted, from);
        int first = i >= 0 ? i : -i - 1;
        return first < sorted.length && sorted[first] <= to;
    }

    private long instant(LocalDateTime local) {
        return nanos(ZonedDateTime.ofLocal(local, zone, null).toInstant());
    }

    static long nanos(Instant instant) {
        return instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano();
    }

    static Instant toInstant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    private static int weekOfDate(long epochDay) {
        return (int) Math.floorDiv(epochDay - MONDAY_ZERO, 7);
    }

    private static LocalDate mondayOf(int week) {
        return LocalDate.ofEpochDay(MONDAY_ZERO + 7L * week);
    }

    /** One block of weeks: where each starts, and the exact open time of its irregular weeks. */
    private static final class Block {
        final int firstWeek;
        final long[] bound;
        final int[] irregular;
        final Chunk[] chunks;
        /** {@code excessBefore[i]}: how much irregular weeks {@code 0..i-1} differ from regular ones. */
        final long[] excessBefore;

        Block(int firstWeek, long[] bound, int[] irregular, Chunk[] chunks, long regularTotal) {
            this.firstWeek = firstWeek;
            this.bound = bound;
            this.irregular = irregular;
            this.chunks = chunks;
            this.excessBefore = new long[irregular.length + 1];
            for (int i = 0; i < irregular.length; i++) {
                excessBefore[i + 1] = excessBefore[i] + chunks[i].total - regularTotal;
            }
        }

        /** Open time of the block's weeks {@code [lo, hi)} (offsets within the block). */
        long sum(int lo, int hi, long regularTotal) {
            return (hi - lo) * regularTotal + excess(hi) - excess(lo);
        }

        /**
         * The earliest instant at which the weeks from {@code lo} on hold {@code need} open time;
         * {@code 0 < need <= sum(lo, BLOCK_WEEKS)}. Finds the irregular week that completes the
         * need, or the regular week before it, by one binary search over the irregular weeks
         * and one division over the run of regular weeks.
         */
        long locate(int lo, long need, long regularTotal, Chunk template) {
            int first = firstAtOrAfter(lo);
            long excessAtLo = excessBefore[first];
            int a = first;
            int b = irregular.length;
            while (a < b) {
                int mid = (a + b) >>> 1;
                long through = (long) (irregular[mid] + 1 - lo) * regularTotal + excessBefore[mid + 1] - excessAtLo;
                if (through >= need) {
                    b = mid;
                } else {
                    a = mid + 1;
                }
            }
            // the regular run [runStart, runEnd) comes before irregular week a (or the block's end)
            int runStart = a > first ? irregular[a - 1] + 1 : lo;
            int runEnd = a < irregular.length ? irregular[a] : BLOCK_WEEKS;
            long before = (long) (runStart - lo) * regularTotal + excessBefore[a] - excessAtLo;
            if (regularTotal > 0) {
                long weeks = (need - before + regularTotal - 1) / regularTotal;
                if (runStart + weeks - 1 < runEnd) {
                    int week = (int) (runStart + weeks - 1);
                    return template.locate(bound[week], need - before - (weeks - 1) * regularTotal);
                }
            }
            before += (long) (runEnd - runStart) * regularTotal;
            return chunks[a].locate(0, need - before);
        }

        private int firstAtOrAfter(int week) {
            int i = Arrays.binarySearch(irregular, week);
            return i >= 0 ? i : -i - 1;
        }

        private long excess(int week) {
            return excessBefore[firstAtOrAfter(week)];
        }
    }

    /**
     * Disjoint, ordered open intervals {@code [start[i], end[i])}, with no two touching, and the
     * open time before each. Positions are relative to a base (a regular week's start) or
     * absolute (base 0).
     */
    static final class Chunk {
        final long[] start;
        final long[] end;
        final long[] before;
        final long total;

        private Chunk(long[] start, long[] end) {
            this.start = start;
            this.end = end;
            this.before = new long[start.length + 1];
            for (int i = 0; i < start.length; i++) {
                before[i + 1] = before[i] + end[i] - start[i];
            }
            this.total = before[start.length];
        }

        static Chunk union(List<long[]> spans) {
            spans.sort((x, y) -> Long.compare(x[0], y[0]));
            long[] start = new long[spans.size()];
            long[] end = new long[spans.size()];
            int n = 0;
            for (long[] span : spans) {
                if (n > 0 && span[0] <= end[n - 1]) {
                    end[n - 1] = Math.max(end[n - 1], span[1]);
                } else {
                    start[n] = span[0];
                    end[n] = span[1];
                    n++;
                }
            }
            return new Chunk(Arrays.copyOf(start, n), Arrays.copyOf(end, n));
        }

        /** How many intervals start at or before {@code rel}. */
        private int startedBy(long rel) {
            int lo = 0;
            int hi = start.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (start[mid] <= rel) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        long inner(long base, long t) {
            long rel = t - base;
            int i = startedBy(rel) - 1;
            return i < 0 ? 0 : before[i] + Math.min(rel, end[i]) - start[i];
        }

        boolean contains(long base, long t) {
            long rel = t - base;
            int i = startedBy(rel) - 1;
            return i >= 0 && rel < end[i];
        }

        /** The earliest position with {@code amount} open time before it; {@code 0 < amount <= total}. */
        long locate(long base, long amount) {
            int lo = 0;
            int hi = start.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (before[mid + 1] >= amount) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return base + start[lo] + amount - before[lo];
        }
    }
}
