package vn.motcua.platform.security;

import java.util.List;

/**
 * Declared by a module for its API paths that anyone may call without logging in (Ant-style
 * patterns, e.g. {@code /api/v1/units/**}). Every other API path needs authentication.
 */
@FunctionalInterface
public interface PublicEndpoints {

    /** Patterns readable with GET by anyone. */
    List<String> publicGetPaths();

    /** Patterns anyone may POST to (e.g. a calculator); none by default. */
    default List<String> publicPostPaths() {
        return List.of();
    }
}
