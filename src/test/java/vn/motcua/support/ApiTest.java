package vn.motcua.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an API test starts from (annotate the subclass {@link IntegrationTest}): the reference data loaded, an API
 * client on the test server's port, and the database for the facts no API shows. Runs before the subclass's own
 * {@code @BeforeEach}.
 */
public abstract class ApiTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected ReferenceData referenceData;
    @Autowired
    protected JdbcClient jdbc;
    protected Http http;

    @BeforeEach
    void openApi() {
        referenceData.ensureAll();
        http = new Http(port);
    }
}
