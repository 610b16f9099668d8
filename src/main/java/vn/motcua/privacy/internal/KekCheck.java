package vn.motcua.privacy.internal;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import vn.motcua.platform.MotcuaProperties;

/**
 * At start-up, before the node serves anything: the KEK must hold every key that wraps the database's live data keys
 * and blind-index key, and unwrap one of each. A node given another keyset than the cluster's (a copy made before a
 * rotation, a freshly generated demo key on a shared database) refuses to start and names the missing KEK keys, instead
 * of failing on every read, or worse, wrapping next month's data key with a KEK the other nodes do not have.
 * Without any KEK outside demo mode the node starts (as before) and says which KEK keys it needs.
 */
@Component
class KekCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KekCheck.class);

    private final Kek kek;
    private final KeyRing keys;
    private final IndexKey index;
    private final boolean demo;

    KekCheck(Kek kek, KeyRing keys, IndexKey index, MotcuaProperties properties) {
        this.kek = kek;
        this.keys = keys;
        this.index = index;
        this.demo = properties.demo();
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<Long, List<String>> needed = keys.wrappedBy();
        if (needed.isEmpty()) {
            return; // a new database: the first write makes the keys
        }
        if (!kek.configured()) {
            String m = "no key-encryption key (" + kek.source() + " does not exist) but the database's keys are "
                    + "wrapped by KEK keys " + needed.keySet() + ": give this node the cluster's KEK keyset";
            if (demo) {
                // demo mode would generate a new KEK at first use, one that opens none of these keys
                throw new IllegalStateException(m);
            }
            log.warn(m);
            return;
        }
        kek.requireHolds(needed);
        keys.verifyUnwrap();
        index.verifyUnwrap();
        log.info("key-encryption key ({}) holds the KEK keys {} the database's keys need", kek.source(),
                needed.keySet());
    }
}
