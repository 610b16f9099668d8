package vn.motcua.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Application settings under {@code motcua.*}.
 *
 * @param demo        whether demo accounts and demo data exist
 * @param seedOnStart whether reference data (territory, catalogue, calendars) and, in demo mode, demo
 *                    data are loaded at start; tests turn it off and load what they need explicitly
 * @param dataDir     where the embedded database and the logs live
 * @param db          database settings
 * @param tls         the deployment is reached over HTTPS only (directly or through a TLS-terminating proxy):
 *                    every answer carries {@code Strict-Transport-Security}, session and language cookies are
 *                    {@code Secure}
 */
@ConfigurationProperties("motcua")
public record MotcuaProperties(@DefaultValue("true") boolean demo,
                               @DefaultValue("true") boolean seedOnStart,
                               @DefaultValue("./data") Path dataDir,
                               @DefaultValue Db db,
                               @DefaultValue("false") boolean tls) {

    public record Db(@DefaultValue Embedded embedded) {
    }

    /**
     * @param port      fixed port of the embedded server, 0 for any free port
     * @param ephemeral a throwaway server (tests): one per JVM in a temporary directory, a fresh
     *                  database per application context, durability settings off
     */
    public record Embedded(@DefaultValue("0") int port, @DefaultValue("false") boolean ephemeral) {
    }
}
