package vn.motcua.workbench;

import java.util.List;

import org.springframework.security.core.Authentication;

/**
 * Links a module above the workbench adds to its home page for the signed-in officer (a port: the workbench cannot
 * know, say, who leads a province-level agency; reporting does). Implemented as Spring beans; none is required.
 */
public interface WorkbenchLinks {

    /** A link: its HTML id, its path and the message key of its text. */
    record Link(String id, String href, String messageKey) {
    }

    /** The links for this officer (empty when none). */
    List<Link> links(Authentication auth);
}
