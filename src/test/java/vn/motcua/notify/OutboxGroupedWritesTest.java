package vn.motcua.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.platform.db.GroupedWrites;
import vn.motcua.support.IntegrationTest;

/**
 * The outbox's grouped writes (the group commit of submissions): messages asked for inside {@link GroupedWrites#grouped}
 * are written when it returns, in the caller's transaction, once per dedup key; dropped when the work fails; and a
 * write outside it is written at once, as before.
 */
@IntegrationTest
class OutboxGroupedWritesTest {

    @Autowired
    GroupedWrites grouped;
    @Autowired
    OutboxWriter outbox;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    private static OutboxWriter.Mail mail(String key) {
        return new OutboxWriter.Mail(key, null, "a@example.vn", "Tiêu đề", "Nội dung");
    }

    private long rows(String prefix) {
        return jdbc.sql("select count(*) from notification where dedup_key like ?").param(prefix + "%")
                .query(Long.class).single();
    }

    @Test
    void aGroupsMessagesAreWrittenWhenItEndsInItsTransactionOncePerKey() {
        String p = "grouped/" + UUID.randomUUID() + "/";
        long[] seen = new long[2];
        String result = tx.execute(s -> {
            String r = grouped.grouped(() -> {
                outbox.write(List.of(mail(p + 1)));
                outbox.write(List.of(mail(p + 2), mail(p + 3)));
                outbox.write(List.of(mail(p + 1))); // the same key again: one row
                seen[0] = rows(p);
                return "done";
            });
            seen[1] = rows(p);
            return r;
        });
        assertThat(result).isEqualTo("done");
        assertThat(seen[0]).as("deferred while the group runs").isZero();
        assertThat(seen[1]).as("written before the transaction goes on").isEqualTo(3);
        assertThat(rows(p)).as("committed with it").isEqualTo(3);
    }

    @Test
    void aGroupThatFailsWritesNothingAndTheNextWriteIsImmediate() {
        String p = "grouped/" + UUID.randomUUID() + "/";
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> grouped.grouped(() -> {
            outbox.write(List.of(mail(p + "lost")));
            throw new IllegalStateException("boom");
        }))).isInstanceOf(IllegalStateException.class);
        assertThat(rows(p)).isZero();
        long[] seen = new long[1];
        tx.executeWithoutResult(s -> {
            outbox.write(List.of(mail(p + "now")));
            seen[0] = rows(p);
        });
        assertThat(seen[0]).as("outside a group a message is there at once").isEqualTo(1);
    }

    @Test
    void aGroupRolledBackWithItsTransactionLeavesNothing() {
        String p = "grouped/" + UUID.randomUUID() + "/";
        tx.executeWithoutResult(s -> {
            grouped.grouped(() -> {
                outbox.write(List.of(mail(p + 1), mail(p + 2)));
                return null;
            });
            assertThat(rows(p)).isEqualTo(2);
            s.setRollbackOnly();
        });
        assertThat(rows(p)).isZero();
    }
}
