package vn.motcua.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.motcua.territory.Territory;
import vn.motcua.territory.TerritoryAgencies;
import vn.motcua.territory.TerritoryChanges;

/**
 * What a reorganisation test starts from (annotate the subclass {@link IntegrationTest}): the reference data, an API
 * client, and {@link TestWorlds} whose units are closed again after each test (after the subclass's own
 * {@code @AfterEach}, which removes its dossiers, posts or questions).
 */
public abstract class WorldTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected ReferenceData referenceData;
    @Autowired
    protected TerritoryChanges changes;
    @Autowired
    protected TerritoryAgencies agencies;
    @Autowired
    protected Territory territory;
    @Autowired
    protected JdbcClient jdbc;
    protected Http http;
    protected TestWorlds worlds;

    @BeforeEach
    void openWorlds() {
        referenceData.ensureAll();
        http = new Http(port);
        worlds = new TestWorlds(changes, agencies, territory);
    }

    @AfterEach
    void closeWorlds() {
        worlds.closeAll();
    }
}
