package org.ggzy.sgw.gateway.regulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.ggzy.sgw.gateway.regulator.ProjectData.SectionRow;
import org.ggzy.sgw.gateway.security.Scope;
import org.junit.jupiter.api.Test;

class ProjectAssemblerTest {

    private static final Scope FUZHOU_GCJS = new Scope("reg", false, List.of("3501"), Set.of("gcjs"));

    private static SectionRow row(String section, String region, String platformRegion) {
        return new SectionRow("gcjs", section, region, ProjectFixture.PLATFORM, platformRegion);
    }

    @Test
    void shouldShowTheProjectRowWithAnyVisibleSection() {
        Set<String> visible = ProjectAssembler.visibleSections(
                List.of(row("", "350000", "350000"), row("S1", "350102", "350000"), row("S2", "350200", "350000")),
                FUZHOU_GCJS);

        assertThat(visible).containsExactlyInAnyOrder("", "S1");
    }

    @Test
    void shouldPlaceASectionOfUnknownRegionInItsProjectsRegion() {
        Set<String> visible = ProjectAssembler.visibleSections(
                List.of(row("", "350100", "350200"), row("S1", "", "350200")), FUZHOU_GCJS);

        assertThat(visible).containsExactlyInAnyOrder("", "S1");
    }

    @Test
    void shouldPlaceASectionInItsPlatformsRegionWhenNeitherRegionIsKnown() {
        assertThat(ProjectAssembler.visibleSections(
                        List.of(row("", "", "350100"), row("S1", "", "350100")), FUZHOU_GCJS))
                .containsExactlyInAnyOrder("", "S1");
        assertThat(ProjectAssembler.visibleSections(List.of(row("S1", "", "350200")), FUZHOU_GCJS))
                .isEmpty();
    }

    @Test
    void shouldHideEverySectionOfAnotherTradeType() {
        Scope zfcg = new Scope("reg", false, List.of("35"), Set.of("zfcg"));

        assertThat(ProjectAssembler.visibleSections(ProjectFixture.sections(), zfcg))
                .isEmpty();
    }

    @Test
    void shouldShowASystemAdministratorEverySection() {
        assertThat(ProjectAssembler.visibleSections(ProjectFixture.sections(), Scope.system()))
                .containsExactly("", ProjectFixture.S1, ProjectFixture.S2);
    }
}
