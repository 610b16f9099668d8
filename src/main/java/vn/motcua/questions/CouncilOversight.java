package vn.motcua.questions;

import java.util.List;

/**
 * Which units a People's Council member (role COUNCIL_MEMBER) oversees: the codes stored for the council role (a
 * province code covers the province and every unit under it, a commune-level code that unit). A Spring bean; other
 * modules (reporting's council view) read the scope here instead of the questions' table.
 */
public interface CouncilOversight {

    /** The unit codes the member oversees, sorted; empty when none. */
    List<String> units(String username);
}
