package vn.motcua.catalogue.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.motcua.territory.PostRole;

/** The one conversion from a stored step role to territory's post role, old spellings included. */
class StoredStepRoleTest {

    @Test
    void postRoleNamesReadAsThemselves() {
        for (PostRole r : PostRole.values()) {
            assertThat(CatalogueRepository.role(r.name())).isEqualTo(r);
        }
    }

    @Test
    void olderSpellingsMapToThePostRoleTheyMeant() {
        assertThat(CatalogueRepository.role("RECEPTION_OFFICER")).isEqualTo(PostRole.RECEPTION);
        assertThat(CatalogueRepository.role("UNIT_LEADER")).isEqualTo(PostRole.LEADER);
        assertThat(CatalogueRepository.role("HANDLING_OFFICER")).isEqualTo(PostRole.HANDLING);
        assertThat(CatalogueRepository.role("tiep_nhan")).isEqualTo(PostRole.RECEPTION);
        assertThat(CatalogueRepository.role("LANH_DAO_PHONG")).isEqualTo(PostRole.LEADER);
        assertThat(CatalogueRepository.role(null)).isEqualTo(PostRole.HANDLING);
    }
}
