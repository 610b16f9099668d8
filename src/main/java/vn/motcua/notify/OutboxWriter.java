package vn.motcua.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.motcua.platform.time.VietnamTime;

/**
 * The one writer of the outbox ({@code notification}), for every message the system emails, and the wording of
 * those messages: {@code i18n/notify_vi.properties} (applicants are written to in Vietnamese). A message is inserted
 * once per dedup key (a second delivery of the same event writes nothing), in the caller's transaction: it commits or
 * rolls back with the change it tells of. With a mail server it is {@code PENDING} and {@link OutboxSender} sends it
 * after the commit; without one it stays in the outbox ({@code OUTBOX_ONLY}).
 */
@Component
class OutboxWriter implements vn.motcua.platform.db.GroupedWrites {

    /** The language of the e-mails. */
    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
            .withZone(VietnamTime.ZONE);

    /**
     * One message to write; {@code dossierId} null for a message about an account or a question ({@code questionId}).
     * Channel {@code EMAIL}, or {@code SMS} (to a phone number): no SMS gateway is wired yet, so an SMS is only kept
     * in the outbox ({@code OUTBOX_ONLY}) and never handed to the mail sender.
     */
    record Mail(String dedupKey, UUID dossierId, UUID questionId, String channel, String to, String subject, String body) {

        Mail(String dedupKey, UUID dossierId, String to, String subject, String body) {
            this(dedupKey, dossierId, null, "EMAIL", to, subject, body);
        }
    }

    /** The messages of the group this thread is writing ({@link #grouped}), or null: written at once. */
    private final ThreadLocal<List<Mail>> deferred = new ThreadLocal<>();
    private final java.util.Map<String, Wording> wordings = new java.util.concurrent.ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final OutboxSender outbox;
    private final MessageSource messages;
    private final Clock clock;

    OutboxWriter(JdbcTemplate jdbc, OutboxSender outbox, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    /** A line of wording from the bundle, arguments as given (pass text: no number or date formatting by the bundle). */
    String text(String key, Object... args) {
        return messages.getMessage(key, args, VIETNAMESE);
    }

    /**
     * A line of wording formatted once, its arguments filled in per message: for messages written by the hundred
     * thousand (a reorganisation's notices), where formatting each through the bundle cost more than writing it.
     * Gives the same text as {@link #text} with the same arguments.
     */
    Wording wording(String key, int arguments) {
        String[] marks = new String[arguments];
        for (int i = 0; i < arguments; i++) {
            marks[i] = "" + Wording.MARK + i + Wording.MARK;
        }
        return Wording.of(text(key, (Object[]) marks), arguments);
    }

    /**
     * {@link #text} for text arguments, from a {@link Wording} formatted once per key and kept: the bundles do not
     * change while the application runs, and a submission's message took seven formattings through the bundle.
     */
    String line(String key, String... args) {
        return wordings.computeIfAbsent(key + '/' + args.length, k -> wording(key, args.length)).fill(args);
    }

    /** The literal parts of a formatted message and, between them, which argument goes where. */
    static final class Wording {

        /** A private-use character: no bundle text or argument contains it. */
        static final char MARK = '\uE000';

        private final String[] parts;
        private final int[] slots;

        private Wording(String[] parts, int[] slots) {
            this.parts = parts;
            this.slots = slots;
        }

        static Wording of(String formatted, int arguments) {
            java.util.List<String> parts = new java.util.ArrayList<>();
            java.util.List<Integer> slots = new java.util.ArrayList<>();
            int from = 0;
            for (int at = formatted.indexOf(MARK); at >= 0; at = formatted.indexOf(MARK, from)) {
                int end = formatted.indexOf(MARK, at + 1);
                parts.add(formatted.substring(from, at));
                slots.add(Integer.parseInt(formatted.substring(at + 1, end)));
                from = end + 1;
            }
            parts.add(formatted.substring(from));
            return new Wording(parts.toArray(String[]::new), slots.stream().mapToInt(Integer::intValue).toArray());
        }

        String fill(String... args) {
            StringBuilder out = new StringBuilder(256);
            for (int i = 0; i < slots.length; i++) {
                out.append(parts[i]).append(args[slots[i]]);
            }
            return out.append(parts[slots.length]).toString();
        }
    }

    /** An instant as the e-mails say it: "14:05 ngày 03/09/2025". */
    static String when(java.time.Instant at) {
        return WHEN.format(at);
    }

    /**
     * The messages asked for while {@code work} runs on this thread are written when it returns, in one batch — one
     * multi-row statement (the driver's {@code reWriteBatchedInserts}) — still in the caller's transaction, so they
     * commit or roll back with it. Used by the group commit of submissions: each submission's message was one
     * statement, and nothing reads a group's messages before its commit.
     */
    @Override
    public <T> T grouped(java.util.function.Supplier<T> work) {
        if (deferred.get() != null) {
            return work.get();
        }
        List<Mail> mails = new java.util.ArrayList<>();
        deferred.set(mails);
        T result;
        try {
            result = work.get();
        } finally {
            deferred.remove();
        }
        writeInOneStatement(mails);
        return result;
    }

    /** A group's messages, one multi-row insert (at most 64 of them: {@code SubmissionWriter}'s groups). */
    private void writeInOneStatement(List<Mail> mails) {
        if (mails.size() <= 1 || mails.size() > 1000) {
            write(mails);
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        String status = outbox.initialStatus();
        Timestamp due = outbox.sends() ? now : null;
        StringBuilder sql = new StringBuilder("insert into notification(id, dedup_key, dossier_id, recipient, subject, body,"
                + " created_at, status, next_attempt_at, channel, question_id) values ");
        Object[] args = new Object[mails.size() * 11];
        int a = 0;
        for (int i = 0; i < mails.size(); i++) {
            Mail m = mails.get(i);
            boolean email = m.channel().equals("EMAIL");
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            args[a++] = UUID.randomUUID();
            args[a++] = m.dedupKey();
            args[a++] = m.dossierId();
            args[a++] = m.to();
            args[a++] = m.subject();
            args[a++] = m.body();
            args[a++] = now;
            args[a++] = email ? status : "OUTBOX_ONLY";
            args[a++] = email ? due : null;
            args[a++] = m.channel();
            args[a++] = m.questionId();
        }
        sql.append(" on conflict (dedup_key) do nothing");
        // setObject as the batch does: a null goes as an untyped parameter, no metadata round trip
        int inserted = jdbc.update(sql.toString(), ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
        });
        if (inserted > 0 && outbox.sends()) {
            outbox.wakeAfterCommit();
        }
    }

    /**
     * Writes the messages (batched), or inside {@link #grouped} adds them to the group's; returns how many were asked
     * for, duplicates included.
     */
    int write(List<Mail> mails) {
        if (mails.isEmpty()) {
            return 0;
        }
        List<Mail> group = deferred.get();
        if (group != null) {
            group.addAll(mails);
            return mails.size();
        }
        Timestamp now = Timestamp.from(clock.instant());
        String status = outbox.initialStatus();
        Timestamp due = outbox.sends() ? now : null;
        int[][] counts = jdbc.batchUpdate("""
                insert into notification(id, dedup_key, dossier_id, recipient, subject, body, created_at, status,
                                         next_attempt_at, channel, question_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (dedup_key) do nothing
                """, mails, 1000, (ps, m) -> {
            boolean email = m.channel().equals("EMAIL");
            ps.setObject(1, UUID.randomUUID());
            ps.setString(2, m.dedupKey());
            ps.setObject(3, m.dossierId());
            ps.setString(4, m.to());
            ps.setString(5, m.subject());
            ps.setString(6, m.body());
            ps.setTimestamp(7, now);
            ps.setString(8, email ? status : "OUTBOX_ONLY");
            ps.setTimestamp(9, email ? due : null);
            ps.setString(10, m.channel());
            ps.setObject(11, m.questionId());
        });
        boolean inserted = false;
        for (int[] batch : counts) {
            for (int c : batch) {
                inserted |= c != 0; // 1, or SUCCESS_NO_INFO (-2) when the driver does not count
            }
        }
        if (inserted && outbox.sends()) {
            outbox.wakeAfterCommit();
        }
        return mails.size();
    }
}
