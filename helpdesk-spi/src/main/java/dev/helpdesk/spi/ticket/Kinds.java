package dev.helpdesk.spi.ticket;

/** The stable names of event kinds; stores persist them, so they never change. */
final class Kinds {
    private Kinds() {
    }

    static String of(TicketEvent event) {
        String simple = event.getClass().getSimpleName();
        StringBuilder name = new StringBuilder(simple.length() + 4);
        for (int i = 0; i < simple.length(); i++) {
            char c = simple.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    name.append('_');
                }
                name.append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }
}
