package dev.helpdesk.spi.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The significant terms of a ticket subject and the subject's language, the same in every report
 * engine. A subject is split into words (letters and digits), lower-cased; its language is the one
 * of en, nl, es, ru whose common words (stop words) it uses most (ties in that order; a subject
 * with none is {@code ru} when it is written in Cyrillic, else {@value #UNDETERMINED}); its terms
 * are the words of at least three characters that are no stop word of any of the four languages
 * and not only digits, each once. The prefix {@value #FOLLOW_UP} the desk gives a follow-up
 * ticket's subject is not part of the subject.
 */
public final class SubjectTerms {
    /** The language of a subject that uses no stop word. */
    public static final String UNDETERMINED = "und";
    /** The prefix of a follow-up ticket's subject. */
    public static final String FOLLOW_UP = "Follow-up: ";

    private static final Map<String, Set<String>> STOP_WORDS = new LinkedHashMap<>();

    static {
        STOP_WORDS.put("en", words("a", "an", "the", "and", "or", "but", "is", "are", "was", "were", "be", "been",
                "to", "of", "in", "on", "at", "for", "with", "from", "by", "my", "your", "our", "it", "its", "this",
                "that", "not", "no", "can", "cannot", "can't", "does", "doesn't", "do", "don't", "i", "we", "you",
                "me", "after", "before", "when", "how", "why", "what", "again", "still", "please", "help", "issue",
                "problem", "working", "work", "works", "get", "any", "all", "have", "has", "had", "will", "won't", "where", "which",
                "who", "there", "into", "about", "just"));
        STOP_WORDS.put("nl", words("de", "het", "een", "en", "of", "maar", "is", "zijn", "was", "waren", "te", "van",
                "in", "op", "bij", "voor", "met", "uit", "door", "mijn", "uw", "jouw", "ons", "onze", "dit", "dat",
                "niet", "geen", "kan", "kunnen", "ik", "wij", "we", "je", "u", "na", "wanneer", "hoe", "waarom", "wat",
                "weer", "nog", "graag", "hulp", "probleem", "werkt", "doet", "heb", "heeft", "er", "om", "aan"));
        STOP_WORDS.put("es", words("el", "la", "los", "las", "un", "una", "y", "o", "pero", "es", "son", "era",
                "fue", "de", "del", "en", "a", "al", "para", "con", "por", "mi", "mis", "su", "sus", "este", "esta",
                "eso", "no", "puedo", "puede", "yo", "nosotros", "usted", "despues", "después", "cuando", "como",
                "cómo", "por", "que", "qué", "otra", "vez", "todavía", "ayuda", "problema", "funciona", "se", "me", "lo"));
        STOP_WORDS.put("ru", words("и", "в", "во", "не", "на", "с", "со", "что", "как", "а", "но", "или", "у",
                "к", "по", "из", "за", "от", "для", "мой", "моя", "мои", "мне", "меня", "я", "мы", "вы", "это",
                "этот", "нет", "можно", "могу", "после", "до", "когда", "почему", "снова", "ещё", "еще", "помогите",
                "помощь", "проблема", "работает", "не", "при", "же", "ли", "бы"));
    }

    private SubjectTerms() {
    }

    private static Set<String> words(String... words) {
        return Set.copyOf(List.of(words));
    }

    /**
     * A subject's language and terms.
     *
     * @param language the language code
     * @param terms    the significant terms, in order of first use
     */
    public record Analysis(String language, Set<String> terms) {
    }

    /**
     * Analyses a subject.
     *
     * @param subject the subject
     * @return its language and terms
     */
    public static Analysis analyse(String subject) {
        List<String> words = words(subject.startsWith(FOLLOW_UP) ? subject.substring(FOLLOW_UP.length()) : subject);
        String language = UNDETERMINED;
        int best = 0;
        for (var e : STOP_WORDS.entrySet()) {
            int hits = 0;
            for (String w : words) {
                if (e.getValue().contains(w)) {
                    hits++;
                }
            }
            if (hits > best) {
                best = hits;
                language = e.getKey();
            }
        }
        if (best == 0 && subject.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) {
            language = "ru";
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String w : words) {
            if (w.codePointCount(0, w.length()) >= 3 && !w.chars().allMatch(Character::isDigit) && !stopWord(w)) {
                terms.add(w);
            }
        }
        return new Analysis(language, terms);
    }

    private static boolean stopWord(String w) {
        for (Set<String> words : STOP_WORDS.values()) {
            if (words.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String subject) {
        String lower = subject.toLowerCase(Locale.ROOT);
        List<String> words = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < lower.length(); ) {
            int c = lower.codePointAt(i);
            if (Character.isLetterOrDigit(c) || (c == '\'' && word.length() > 0)) {
                word.appendCodePoint(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
            i += Character.charCount(c);
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
