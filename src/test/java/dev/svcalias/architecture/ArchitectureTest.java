package dev.svcalias.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.svcalias.app.mode.Mode;
import dev.svcalias.app.mode.ModeName;
import dev.svcalias.platform.Platform;
import dev.svcalias.platform.PlatformId;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture's rules (docs/architecture.md), checked on the production classes: no cycles between packages,
 * arrows that point down the layers, picocli only in the command layer, fabric8 only in the cluster adapter.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.svcalias");
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.svcalias.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void arrowsPointDownTheLayers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Commands").definedBy("dev.svcalias.cli..", "dev.svcalias.tools..")
                .layer("UseCases").definedBy("dev.svcalias.app.usecase..")
                .layer("Modes").definedBy("dev.svcalias.app.mode..")
                .layer("PlanApplication").definedBy("dev.svcalias.app.write..")
                .layer("Probes").definedBy("dev.svcalias.app.probe..")
                .layer("AliasBackends").definedBy("dev.svcalias.app.alias..")
                .layer("Zones").definedBy("dev.svcalias.app.zone..")
                .layer("Shared").definedBy("dev.svcalias.app")
                .layer("Domain").definedBy("dev.svcalias.plan..", "dev.svcalias.platform..",
                        "dev.svcalias.aliasfile..")
                .layer("Adapters").definedBy("dev.svcalias.cluster..", "dev.svcalias.dns..")
                .layer("Text").definedBy("dev.svcalias.corefile..", "dev.svcalias.naming..")
                .layer("Output").definedBy("dev.svcalias.output..")
                .whereLayer("Commands").mayNotBeAccessedByAnyLayer()
                .whereLayer("UseCases").mayOnlyBeAccessedByLayers("Commands")
                .whereLayer("Modes").mayOnlyBeAccessedByLayers("Commands", "UseCases")
                .whereLayer("PlanApplication").mayOnlyBeAccessedByLayers("UseCases")
                .whereLayer("Probes").mayOnlyBeAccessedByLayers("Commands", "UseCases")
                .whereLayer("AliasBackends").mayOnlyBeAccessedByLayers("Commands", "UseCases", "Modes",
                        "PlanApplication", "Probes")
                .whereLayer("Zones").mayOnlyBeAccessedByLayers("Commands", "UseCases", "Modes", "PlanApplication",
                        "Probes")
                .whereLayer("Shared").mayOnlyBeAccessedByLayers(APP_AND_COMMANDS)
                .whereLayer("Domain").mayOnlyBeAccessedByLayers(APP_AND_COMMANDS)
                .whereLayer("Adapters").mayOnlyBeAccessedByLayers(with(APP_AND_COMMANDS, "Domain"))
                .whereLayer("Text").mayOnlyBeAccessedByLayers(with(APP_AND_COMMANDS, "Domain", "Adapters"))
                // results are data: cli/render prints them
                .whereLayer("Output").mayOnlyBeAccessedByLayers("Commands")
                .check(classes);
    }

    private static final String[] APP_AND_COMMANDS = {"Commands", "UseCases", "Modes", "PlanApplication", "Probes",
        "AliasBackends", "Zones", "Shared"};

    private static String[] with(String[] layers, String... more) {
        return Stream.concat(Arrays.stream(layers), Arrays.stream(more)).toArray(String[]::new);
    }

    @Test
    void appRoomsHaveNoCycles() {
        slices().matching("dev.svcalias.app.(*)..").should().beFreeOfCycles().check(classes);
    }

    /**
     * A use case asks the zone's {@link Mode} and the detected {@link Platform} (through the zone room) what to do:
     * it never names one. Using the ModeName type is fine (a request carries one); its constants, a platform's
     * PlatformId constant, or a concrete mode or platform class are not.
     */
    @Test
    void noUseCaseNamesAModeOrAPlatform() {
        DescribedPredicate<JavaFieldAccess> constantOfAModeOrPlatform = DescribedPredicate.describe(
                "a constant of ModeName or PlatformId", access -> isEnumConstant(access, ModeName.class)
                        || isEnumConstant(access, PlatformId.class));
        noClasses().that().resideInAPackage("dev.svcalias.app.usecase..")
                .should().accessFieldWhere(constantOfAModeOrPlatform)
                .orShould().dependOnClassesThat(JavaClass.Predicates.implement(Mode.class))
                .orShould().dependOnClassesThat(JavaClass.Predicates.implement(Platform.class))
                .check(classes);
    }

    private static boolean isEnumConstant(JavaFieldAccess access, Class<? extends Enum<?>> type) {
        return access.getTargetOwner().isEquivalentTo(type) && Arrays.stream(type.getEnumConstants())
                .anyMatch(c -> c.name().equals(access.getTarget().getName()));
    }

    @Test
    void onlyTheCommandLayerUsesPicocli() {
        noClasses().that().resideOutsideOfPackages("dev.svcalias.cli..", "dev.svcalias.tools..")
                .should().dependOnClassesThat().resideInAPackage("picocli..").check(classes);
    }

    @Test
    void onlyTheClusterAdapterUsesFabric8() {
        noClasses().that().resideOutsideOfPackage("dev.svcalias.cluster..")
                .should().dependOnClassesThat().resideInAPackage("io.fabric8..").check(classes);
    }

    @Test
    void nothingBelowTheCommandsPrints() {
        noClasses().that().resideInAnyPackage("dev.svcalias.app..", "dev.svcalias.plan..", "dev.svcalias.aliasfile..",
                "dev.svcalias.platform..", "dev.svcalias.cluster..", "dev.svcalias.dns..", "dev.svcalias.corefile..",
                "dev.svcalias.naming..", "dev.svcalias.error..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.svcalias.output..", "dev.svcalias.cli..")
                .check(classes);
    }
}
